package org.dailypapers.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dailypapers.search.SearchDocument;

/**
 * A known-item test set: titles as a person types them from memory, each with the one paper it must find
 * first. Deterministic for a seed. Four kinds, in turn: two words left out; a word misspelt (two neighbouring
 * letters swapped) and another left out; two words swapped in place; the first 60% of the title. Only titles of
 * at least five words are used, so every query keeps at least three.
 */
public final class KnownItemQueries {

    /** One query and the id of the paper it was made from. */
    public record Query(String kind, String text, String target) {}

    private KnownItemQueries() {}

    public static List<Query> generate(List<SearchDocument> docs, int count, long seed) {
        Random random = new Random(seed);
        List<SearchDocument> usable = docs.stream().filter(d -> words(d.title()).length >= 5).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no title of five words or more to make known-item queries from");
        }
        List<Query> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SearchDocument d = usable.get(random.nextInt(usable.size()));
            List<String> w = new ArrayList<>(Arrays.asList(words(d.title())));
            String kind = switch (i % 4) {
                case 0 -> { drop(w, random); drop(w, random); yield "drop2"; }
                case 1 -> { misspell(w, random); drop(w, random); yield "misspell+drop"; }
                case 2 -> { swap(w, random); yield "reorder"; }
                default -> { w = new ArrayList<>(w.subList(0, Math.max(3, (int) Math.ceil(w.size() * 0.6)))); yield "prefix"; }
            };
            out.add(new Query(kind, String.join(" ", w), d.id()));
        }
        return out;
    }

    private static String[] words(String title) {
        String t = title.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static void drop(List<String> w, Random random) {
        w.remove(random.nextInt(w.size()));
    }

    private static void swap(List<String> w, Random random) {
        int i = random.nextInt(w.size() - 1);
        int j = i + 1 + random.nextInt(w.size() - i - 1);
        String t = w.get(i);
        w.set(i, w.get(j));
        w.set(j, t);
    }

    /** Swaps two neighbouring letters of a random word of five letters or more (none: the query is unchanged). */
    private static void misspell(List<String> w, Random random) {
        List<Integer> long5 = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) if (w.get(i).chars().filter(Character::isLetter).count() >= 5) long5.add(i);
        if (long5.isEmpty()) return;
        int at = long5.get(random.nextInt(long5.size()));
        char[] c = w.get(at).toCharArray();
        int k = 1 + random.nextInt(c.length - 2);
        char t = c[k];
        c[k] = c[k + 1];
        c[k + 1] = t;
        w.set(at, new String(c));
    }
}
