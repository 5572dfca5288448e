package lt.klavb.archive.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The stemming half of Elasticsearch's `english` analyser: drop possessive 's, then Porter. */
@NamedComponent("archive_english_stem")
public class EnglishStemFilter implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PorterStemFilter(new EnglishPossessiveFilter(tokenStream));
    }
}
