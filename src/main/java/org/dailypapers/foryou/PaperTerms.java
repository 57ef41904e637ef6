package org.dailypapers.foryou;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper's bag of terms for the personal classifier: the words of its title, abstract and author names as
 * arxiv-sanity-lite's {@code compute.py} joins them and scikit-learn's {@code TfidfVectorizer} analyses them
 * (accents stripped, lower case, tokens {@code \b[a-zA-Z_][a-zA-Z0-9_]+\b}, scikit-learn's English stop words
 * removed, unigrams and bigrams), plus one term per author ({@link FollowKeys#author}), since whose paper it is
 * says much about who wants it: on the evaluation's validation split the author terms added 0.035 nDCG@20 to the
 * words alone (docs/EVAL.md).
 */
public final class PaperTerms {

    private static final Pattern TOKEN = Pattern.compile("(?U)\\b[a-zA-Z_][a-zA-Z0-9_]+\\b");
    private static final Set<String> STOP_WORDS = stopWords();

    private PaperTerms() {}

    /** Term counts of a paper. */
    public static Map<String, Integer> of(String title, String summary, List<String> authors) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : words(title + " " + summary + " " + String.join(" ", authors))) counts.merge(t, 1, Integer::sum);
        for (String a : authors) counts.merge(FollowKeys.author(a), 1, Integer::sum);
        return counts;
    }

    /** The unigrams and bigrams of a text after stop-word removal, as scikit-learn's word analyzer. */
    public static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(plain);
        while (m.find()) {
            if (!STOP_WORDS.contains(m.group())) words.add(m.group());
        }
        List<String> terms = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) terms.add(words.get(i) + " " + words.get(i + 1));
        return terms;
    }

    private static Set<String> stopWords() {
        try (var in = PaperTerms.class.getResourceAsStream("sklearn-english-stop-words.txt")) {
            if (in == null) throw new IllegalStateException("sklearn-english-stop-words.txt is missing from the jar");
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
