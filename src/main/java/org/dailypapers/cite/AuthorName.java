package org.dailypapers.cite;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An author's name split into family and given names, as citation formats want them. arXiv and Hugging Face
 * give names as written ("Ashish Vaswani", "Jan van der Berg", "Martin Luther King Jr."), so the family
 * name is the last word, with the lowercase particles before it ("van der") and a generational suffix after
 * it kept with it; "Family, Given" is taken as already split. A single word is a family name alone.
 *
 * @param given "" when there is none
 * @param suffix "Jr.", "III"... or ""
 */
public record AuthorName(String family, String given, String suffix) {
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "dos", "das", "du", "la", "le", "ten", "ter", "bin", "al", "y");
    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

    /** Splits a name; blanks collapse to single spaces. */
    public static AuthorName parse(String raw) {
        String name = raw.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma > 0 && comma == name.lastIndexOf(',')) {
            return new AuthorName(name.substring(0, comma).strip(), name.substring(comma + 1).strip(), "");
        }
        List<String> words = List.of(name.split(" "));
        String suffix = "";
        if (words.size() > 2 && SUFFIXES.contains(words.getLast().toLowerCase(Locale.ROOT))) {
            suffix = words.getLast();
            words = words.subList(0, words.size() - 1);
        }
        int family = words.size() - 1;
        while (family > 1 && PARTICLES.contains(words.get(family - 1))) {
            family--;
        }
        return new AuthorName(String.join(" ", words.subList(family, words.size())),
                String.join(" ", words.subList(0, family)), suffix);
    }

    /** "Family, Given" (BibTeX's unambiguous order; "Family, Suffix, Given" with a suffix). */
    String inverted() {
        if (given.isEmpty()) {
            return family;
        }
        return suffix.isEmpty() ? family + ", " + given : family + ", " + suffix + ", " + given;
    }
}
