package org.dailypapers.foryou;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The for-you ranking pinned on a small fixture: four topics, a person who likes one of them. */
class ForYouRankerTest {
    private static final RankerParams PARAMS = new RankerParams(new ClassifierParams("svm", 1), 100, 1, 2, 1, 0.2);

    private static Doc doc(float[] v, String words, String... authors) {
        return new Doc(Vectors.unit(v), PaperTerms.of(words, "", List.of(authors)));
    }

    private static final float[] GRAPHS = {1, 0, 0, 0}, VISION = {0, 1, 0, 0}, SPEECH = {0, 0, 1, 0}, ROBOTS = {0, 0, 0, 1};

    /** Ten background papers per topic, so every term is in a few of them. */
    private static List<Doc> background() {
        List<Doc> docs = new java.util.ArrayList<>();
        String[] words = {"graph neural message passing", "image segmentation vision transformer",
                "speech recognition audio", "robot manipulation policy"};
        float[][] topics = {GRAPHS, VISION, SPEECH, ROBOTS};
        for (int i = 0; i < 40; i++) {
            float[] v = topics[i % 4].clone();
            v[(i + 1) % 4] += 0.1f * (i % 3);
            docs.add(doc(v, words[i % 4] + " study" + (i % 7), "Author " + i));
        }
        return docs;
    }

    private static List<Candidate> candidates() {
        return List.of(
                new Candidate("vision-popular", doc(VISION, "image segmentation"), Math.log1p(300), List.of()),
                new Candidate("graphs-new", doc(new float[] {1, 0.2f, 0, 0}, "graph neural message passing"), Math.log1p(2), List.of()),
                new Candidate("speech", doc(SPEECH, "speech recognition"), Math.log1p(40), List.of()),
                new Candidate("robots-followed", doc(ROBOTS, "robot policy"), Math.log1p(5), List.of("a:grace hopper")),
                new Candidate("graphs-popular", doc(new float[] {1, 0, 0.2f, 0}, "graph message passing"), Math.log1p(120), List.of()));
    }

    @Test
    void a_person_who_likes_graph_papers_gets_graph_papers_first_then_a_followed_author_then_the_crowd() {
        ForYouRanker ranker = new ForYouRanker(PARAMS);
        Signals signals = new Signals(List.of(doc(GRAPHS, "graph neural networks message passing"),
                doc(new float[] {1, 0.1f, 0, 0}, "graph transformers")), List.of(), Set.of("a:grace hopper"));
        PersonalModel model = ranker.train(signals, background());
        List<String> order = ranker.rank(model, candidates()).stream().map(RankedPaper::id).toList();
        assertThat(order).containsExactly("graphs-popular", "graphs-new", "robots-followed", "vision-popular", "speech");
    }

    @Test
    void the_blend_at_everyones_end_is_the_crowds_order_and_at_mine_the_persons() {
        ForYouRanker ranker = new ForYouRanker(PARAMS);
        Signals signals = new Signals(List.of(doc(SPEECH, "speech recognition audio")), List.of(), Set.of());
        PersonalModel model = ranker.train(signals, background());
        assertThat(ranker.rank(model, candidates(), 1.0).stream().map(RankedPaper::id))
                .containsExactly("vision-popular", "graphs-popular", "speech", "robots-followed", "graphs-new");
        assertThat(ranker.rank(model, candidates(), 0.0).getFirst().id()).isEqualTo("speech");
    }

    @Test
    void without_signals_the_crowd_and_follows_decide() {
        ForYouRanker ranker = new ForYouRanker(PARAMS);
        PersonalModel model = ranker.train(new Signals(List.of(), List.of(), Set.of("a:grace hopper")), background());
        assertThat(model.classifier()).isEmpty();
        List<RankedPaper> ranked = ranker.rank(model, candidates());
        assertThat(ranked.stream().map(RankedPaper::id))
                .containsExactly("robots-followed", "vision-popular", "graphs-popular", "speech", "graphs-new");
        assertThat(ranked.getFirst().byFollowed()).isTrue();
    }

    @Test
    void a_disliked_paper_pushes_its_neighbours_down() {
        ForYouRanker ranker = new ForYouRanker(PARAMS.withBlend(0));
        List<Doc> liked = List.of(doc(new float[] {1, 1, 0, 0}, "graph image"));
        PersonalModel plain = ranker.train(new Signals(liked, List.of(), Set.of()), background());
        PersonalModel less = ranker.train(new Signals(liked, List.of(doc(VISION, "image segmentation vision")), Set.of()), background());
        double before = score(ranker, plain, "vision-popular"), after = score(ranker, less, "vision-popular");
        assertThat(after).isLessThan(before);
    }

    private static double score(ForYouRanker ranker, PersonalModel model, String id) {
        return ranker.rank(model, candidates()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().relevance();
    }

    @Test
    void paper_terms_drop_stop_words_keep_bigrams_and_name_the_authors() {
        Map<String, Integer> terms = PaperTerms.of("The Graph of Graphs", "", List.of("Zoë Müller"));
        assertThat(terms).containsOnlyKeys("graph", "graphs", "zoe", "muller", "graph graphs", "graphs zoe", "zoe muller",
                "a:zoe muller");
    }

    @Test
    void scoring_a_paper_directly_equals_scoring_its_feature_row() {
        ForYouRanker ranker = new ForYouRanker(PARAMS);
        PersonalModel model = ranker.train(new Signals(List.of(doc(GRAPHS, "graph neural message passing")), List.of(),
                Set.of()), background());
        for (Candidate c : candidates()) {
            double row = model.classifier().orElseThrow().score(model.features().features(c.doc()));
            assertThat(model.score(c.doc())).isCloseTo(row, org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
