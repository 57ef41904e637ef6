package org.dailypapers.eval.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One evaluation split: a person's submissions before {@code cutoff} are their signals, their submissions from
 * {@code cutoff} until {@code until} (exclusive) are what they want, and every paper on the feed in that window
 * is a candidate.
 *
 * @param history every paper before the cut-off, oldest first
 * @param signals person to their papers before the cut-off (people in name order)
 * @param targets person to the ids of their papers in the window
 */
public record RecommendSplit(String name, LocalDate cutoff, LocalDate until, List<Submission> history,
                             List<Submission> candidates, Map<String, List<Submission>> signals,
                             Map<String, Set<String>> targets) {

    /**
     * People are submitters with at least {@code minPapers} papers in all of {@code papers}; a person takes part
     * when they have at least one signal and one target.
     */
    public static RecommendSplit of(String name, List<Submission> papers, LocalDate cutoff, LocalDate until,
                                    int minPapers) {
        Map<String, Integer> count = new HashMap<>();
        for (Submission s : papers) {
            if (!s.submitter().isEmpty()) count.merge(s.submitter(), 1, Integer::sum);
        }
        List<Submission> history = new ArrayList<>();
        List<Submission> candidates = new ArrayList<>();
        Map<String, List<Submission>> signals = new TreeMap<>();
        Map<String, Set<String>> targets = new TreeMap<>();
        for (Submission s : papers) {
            boolean person = count.getOrDefault(s.submitter(), 0) >= minPapers;
            if (s.day().isBefore(cutoff)) {
                history.add(s);
                if (person) signals.computeIfAbsent(s.submitter(), k -> new ArrayList<>()).add(s);
            } else if (s.day().isBefore(until)) {
                candidates.add(s);
                if (person) targets.computeIfAbsent(s.submitter(), k -> new LinkedHashSet<>()).add(s.id());
            }
        }
        signals.keySet().retainAll(targets.keySet());
        targets.keySet().retainAll(signals.keySet());
        return new RecommendSplit(name, cutoff, until, history, candidates, new LinkedHashMap<>(signals),
                new LinkedHashMap<>(targets));
    }

    public List<String> people() {
        return List.copyOf(targets.keySet());
    }
}
