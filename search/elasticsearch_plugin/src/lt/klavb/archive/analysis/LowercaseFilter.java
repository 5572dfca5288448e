package lt.klavb.archive.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Lower-cases tokens; runs first so the stemmers see the forms their rules are written for. */
@NamedComponent("archive_lowercase")
public class LowercaseFilter implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new LowerCaseFilter(tokenStream);
    }
}
