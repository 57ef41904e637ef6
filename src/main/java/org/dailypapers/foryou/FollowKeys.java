package org.dailypapers.foryou;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dailypapers.paper.Paper;

/**
 * One spelling for what can be followed, so a paper and a person's follows can be matched: {@code a:} an
 * author's name (accents dropped, lower case, spaces collapsed), {@code o:} an organization's handle,
 * {@code c:} an arXiv category.
 */
public final class FollowKeys {

    private FollowKeys() {}

    public static String author(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return "a:" + plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public static String organization(String handle) {
        return "o:" + handle.toLowerCase(Locale.ROOT);
    }

    public static String category(String category) {
        return "c:" + category;
    }

    /** A paper's keys: its authors, its organization, its categories. */
    public static List<String> of(Paper p) {
        List<String> keys = new ArrayList<>();
        p.authors().forEach(a -> keys.add(author(a)));
        if (p.organization() != null) keys.add(organization(p.organization().name()));
        p.categories().forEach(c -> keys.add(category(c)));
        return keys;
    }

    /** The key of a follow, or null for a topic (topics are searches, not keys). */
    static String of(Follow f) {
        return switch (f.kind()) {
            case AUTHOR -> author(f.value());
            case ORGANIZATION -> organization(f.value());
            case CATEGORY -> category(f.value());
            case TOPIC -> null;
        };
    }
}
