package org.dailypapers.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every accepted claim, as an immutable snapshot that pages read while rendering: whose profile a listed
 * author name of a paper links to. Names match as the author pages match them: ignoring case and repeated
 * spaces.
 */
public final class ClaimedAuthors {
    public static final ClaimedAuthors NONE = new ClaimedAuthors(List.of());

    /** arXiv id -> normalised author name -> handle. */
    private final Map<String, Map<String, String>> byPaper;
    /** normalised author name -> handles (one name may be claimed by different people on different papers). */
    private final Map<String, List<String>> byName;

    /** @param accepted accepted claims, in any order */
    ClaimedAuthors(List<AuthorshipClaim> accepted) {
        Map<String, Map<String, String>> papers = new java.util.HashMap<>();
        Map<String, java.util.SortedSet<String>> names = new java.util.HashMap<>();
        for (AuthorshipClaim c : accepted) {
            papers.computeIfAbsent(c.arxivId(), k -> new java.util.HashMap<>()).put(normalise(c.authorName()), c.handle());
            names.computeIfAbsent(normalise(c.authorName()), k -> new java.util.TreeSet<>()).add(c.handle());
        }
        this.byPaper = Map.copyOf(papers.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        this.byName = Map.copyOf(names.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** The handle of the person who claimed {@code author} on this paper, if someone did and was accepted. */
    public Optional<String> handle(String arxivId, String author) {
        Map<String, String> names = byPaper.get(arxivId);
        return names == null ? Optional.empty() : Optional.ofNullable(names.get(normalise(author)));
    }

    /** The handles of everyone accepted as {@code author} on some paper, sorted. */
    public List<String> handlesOf(String author) {
        return byName.getOrDefault(normalise(author), List.of());
    }

    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
