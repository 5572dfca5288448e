package lt.klavb.archive.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.tartarus.snowball.ext.LithuanianStemmer;

/** Snowball's Lithuanian stemmer; its suffix rules need the diacritics, so it must run before folding. */
@NamedComponent("archive_lithuanian_stem")
public class LithuanianStemFilter implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SnowballFilter(tokenStream, new LithuanianStemmer());
    }
}
