package org.dailypapers.cite;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dailypapers.paper.Paper;

/**
 * Citation keys in the common {@code lastname2024firstword} form: the first author's family name and the
 * first word of the title that is not a stop word, folded to ASCII lowercase letters, with the year of first
 * publication between. Keys depend only on the paper, so a paper keeps its key from one export to the next;
 * within one export, a key already taken gets the suffix {@code b}, {@code c}, ... (in the list's order).
 */
public final class CitationKeys {
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and", "with",
            "is", "are", "from", "by", "at", "as", "do", "does", "can", "how", "what", "why", "when", "towards", "toward");

    private CitationKeys() {}

    /** The keys of {@code papers}, in the same order, all different. */
    public static List<String> of(List<Paper> papers) {
        Set<String> taken = new HashSet<>();
        List<String> keys = new ArrayList<>(papers.size());
        for (Paper paper : papers) {
            String base = base(paper);
            String key = base;
            for (int n = 1; !taken.add(key); n++) {
                key = base + suffix(n);
            }
            keys.add(key);
        }
        return keys;
    }

    /** The key of one paper alone. */
    public static String of(Paper paper) {
        return base(paper);
    }

    private static String base(Paper paper) {
        String family = paper.authors().isEmpty() ? "" : ascii(AuthorName.parse(paper.authors().getFirst()).family());
        String word = "";
        // Math and commands ($\alpha$, \emph) are not words of the title.
        for (String w : paper.title().replaceAll("\\$[^$]*\\$|\\\\[a-zA-Z]+", " ").split("[\\s\\-/:]+")) {
            String folded = ascii(w);
            if (!folded.isEmpty() && !STOP_WORDS.contains(folded)) {
                word = folded;
                break;
            }
        }
        return (family.isEmpty() ? "anon" : family) + paper.publishedAt().atZone(ZoneOffset.UTC).getYear() + word;
    }

    /** b, c, ..., z, then z2, z3, ...: the second paper with a key gets "b" (the first has none, as if "a"). */
    private static String suffix(int n) {
        return n <= 25 ? String.valueOf((char) ('a' + n)) : "z" + (n - 24);
    }

    /** Accents dropped (é -> e, ß stays out), lowercase ASCII letters only. */
    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
