package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.QueryBuilder;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The title match ({@link TitleMatch}) lifts papers whose title holds the query: every one of them while at most
 * {@link Bm25Retriever#TITLE_MATCH_ALL_UP_TO} titles match, else only those among the first
 * {@link Bm25Retriever#TITLE_MATCH_WINDOW} by contents. Either way the pages of one result list agree.
 * Papers {@code p000}..{@code p149} hold the query's words once in ever longer abstracts and never in their title;
 * {@code near} and {@code far} hold them in their titles only and rank about 50th and 120th by contents.
 */
class TitleMatchTest {
    static final String QUERY = "sparse retrieval benchmark";
    static PaperIndex few;
    static PaperIndex many;

    @BeforeAll
    static void build() {
        few = PaperIndex.inMemory(VectorStorage.FLOAT32);
        many = PaperIndex.inMemory(VectorStorage.FLOAT32);
        for (PaperIndex index : List.of(few, many)) {
            for (int i = 0; i < 150; i++) { // each holds the query once; longer texts score lower
                index.upsert(SearchDocument.ofText(String.format("p%03d", i), "unrelated heading", QUERY + " word".repeat(i)), null);
            }
            // the query only in their titles: by contents they rank as p050 and p120 do, just after them
            index.upsert(SearchDocument.ofText("near", QUERY, " word".repeat(50 - 3)), null);
            index.upsert(SearchDocument.ofText("far", QUERY, " word".repeat(120 - 3)), null);
        }
        // a crowd of matching titles with long abstracts, ranked after every other paper by contents
        for (int i = 0; i < Bm25Retriever.TITLE_MATCH_ALL_UP_TO; i++) {
            many.upsert(SearchDocument.ofText(String.format("crowd%04d", i), QUERY, " word".repeat(300)), null);
        }
        few.commit();
        many.commit();
    }

    @AfterAll
    static void close() throws Exception {
        few.close();
        many.close();
    }

    private static List<String> ids(PaperIndex index, int limit) {
        return Fixture.ids(new Bm25Retriever(index, Bm25Params.DEFAULT).retrieve(SearchRequest.of(QUERY, limit)));
    }

    @Test
    void every_matching_title_rises_when_few_titles_match_and_pages_agree_at_every_limit() {
        List<String> all = ids(few, 160);
        assertThat(all).hasSize(152);
        assertThat(all.subList(0, 2)).as("both titles lifted, wherever they ranked by contents").containsExactly("near", "far");
        assertThat(all.subList(2, 152)).as("the rest by contents").isSortedAccordingTo(String::compareTo);
        for (int limit : new int[] {1, 2, 3, 10, 99, 100, 101, 120, 151}) {
            assertThat(ids(few, limit)).as("limit " + limit).isEqualTo(all.subList(0, limit));
        }
    }

    @Test
    void with_more_matching_titles_only_those_in_the_window_rise_and_pages_agree_at_every_limit() {
        int total = 152 + Bm25Retriever.TITLE_MATCH_ALL_UP_TO;
        List<String> all = ids(many, total + 10);
        assertThat(all).hasSize(total);
        assertThat(all.indexOf("near")).as("inside the window, its title lifts it to the top").isZero();
        assertThat(all.indexOf("far")).as("beyond the window: ranked by contents alone").isGreaterThan(Bm25Retriever.TITLE_MATCH_WINDOW);
        assertThat(all.subList(152, total)).as("the crowd last").allMatch(id -> id.startsWith("crowd"));
        for (int limit : new int[] {1, 10, 99, 100, 101, 120, 151, 500}) {
            assertThat(ids(many, limit)).as("limit " + limit).isEqualTo(all.subList(0, limit));
        }
    }

    /**
     * On random text, the fast path ({@link TitleMatch#top}: matching titles scored first, the rest of the query
     * searched from their k-th score) returns what adding the bonus to every matching paper and sorting all of
     * them gives, at every limit: the bound skips no paper that belongs in the result.
     */
    @Test
    void the_bound_skips_no_paper_that_a_bonus_for_every_paper_would_rank() throws IOException {
        Random random = new Random(16);
        String[] words = vocabulary('w', 'x');
        PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String title = text(random, words, 4 + random.nextInt(8));
            titles.add(title);
            index.upsert(SearchDocument.ofText("d" + i, title, text(random, words, 20 + random.nextInt(120))), null);
        }
        index.commit();
        QueryBuilder builder = new QueryBuilder(index.analyzer());
        int checked = 0;
        for (int q = 0; q < 300; q++) {
            String title = titles.get(random.nextInt(titles.size()));
            String text = q % 3 == 0 ? title : q % 3 == 1 ? title + " " + text(random, words, 3) : text(random, words, 3 + random.nextInt(4));
            TitleMatch match = TitleMatch.of(builder, text);
            if (match == null) {
                continue;
            }
            Query query = builder.createBooleanQuery(IndexFields.CONTENTS, text, Occur.SHOULD);
            Query titleQuery = builder.createMinShouldMatchQuery(IndexFields.TITLE, text, Bm25Retriever.TITLE_MATCH_SHARE);
            int limit = new int[] {1, 3, 10, 37}[q % 4];
            checked += index.withSearcher(shared -> {
                IndexSearcher s = new IndexSearcher(shared.getIndexReader());
                s.setSimilarity(new BM25Similarity(0.9f, 0.4f));
                int n = s.getIndexReader().maxDoc();
                if (s.count(titleQuery) > Bm25Retriever.TITLE_MATCH_ALL_UP_TO) {
                    return 0; // the window's rule, tested above
                }
                ScoreDoc[] every = QueryRescorer.rescore(s, s.search(query, n), titleQuery, Bm25Retriever.TITLE_MATCH_WEIGHT, n).scoreDocs;
                ScoreDoc[] fast = match.top(s, query, limit).scoreDocs;
                assertHeadOf(text, limit, papers(every), papers(fast));
                return 1;
            });
        }
        assertThat(checked).isGreaterThan(200);
        index.close();
    }

    /**
     * Through {@link Bm25Retriever}, on an index of many segments with replaced papers, with date and category
     * filters, phrases and exclusions: every limit gives a prefix of the full list, which the bound cannot cut
     * (at a limit above the number of matching titles it is zero, so every hit is collected).
     */
    @Test
    void every_limit_is_a_prefix_of_the_full_list_across_segments_filters_and_clauses() throws IOException {
        Random random = new Random(11);
        String[] words = vocabulary('v', 'y');
        PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32);
        List<String> titles = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 2400; i++) {
            String title = text(random, words, 4 + random.nextInt(8));
            titles.add(title);
            index.upsert(new SearchDocument("p" + i, title, text(random, words, 20 + random.nextInt(100)), List.of(),
                    List.of(), List.of(i % 2 == 0 ? "cs.CL" : "cs.LG"), null, first.plusDays(i % 30), false), null);
            if (i % 7 == 3) { // replaced: the first version stays behind as a deleted document
                index.upsert(new SearchDocument("p" + i, title, text(random, words, 30), List.of(), List.of(),
                        List.of("cs.CL"), null, first.plusDays(i % 30), false), null);
            }
            if (i % 300 == 299) {
                index.commit();
            }
        }
        index.commit();
        assertThat(index.segmentCount()).isGreaterThan(1);
        Bm25Retriever bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
        for (int q = 0; q < 200; q++) {
            String title = titles.get(random.nextInt(titles.size()));
            String[] tw = title.split(" ");
            String text = switch (q % 4) {
                case 0 -> title;
                case 1 -> title + " \"" + tw[0] + " " + tw[1] + "\"";
                case 2 -> title + " -" + words[random.nextInt(words.length)];
                default -> text(random, words, 4); // common words: titles that match and papers that don't interleave
            };
            SearchRequest request = SearchRequest.of(text, 10);
            if (q % 3 == 1) {
                request = request.withCategory("cs.CL");
            } else if (q % 3 == 2) {
                request = request.withDays(first.plusDays(5), first.plusDays(20));
            }
            List<ScoredPaper> full = bm25.retrieve(request.withLimit(2400));
            for (int limit : new int[] {1, 3, 10, 37}) {
                assertHeadOf(text, limit, full, bm25.retrieve(request.withLimit(limit)));
            }
        }
        index.close();
    }

    /**
     * {@code page} is the first {@code limit} of {@code full}: the same scores, and the same papers wherever a score
     * is not tied with a neighbour's (tied papers may come in either order).
     */
    private static void assertHeadOf(String what, int limit, List<ScoredPaper> full, List<ScoredPaper> page) {
        assertThat(page).as(what).hasSize(Math.min(limit, full.size()));
        for (int i = 0; i < page.size(); i++) {
            double score = full.get(i).score();
            assertThat(page.get(i).score()).as(what + " at " + i).isCloseTo(score, Percentage.withPercentage(1e-4));
            boolean tied = (i > 0 && close(full.get(i - 1).score(), score))
                    || (i + 1 < full.size() && close(full.get(i + 1).score(), score));
            if (!tied) {
                assertThat(page.get(i).id()).as(what + " at " + i).isEqualTo(full.get(i).id());
            }
        }
    }

    private static List<ScoredPaper> papers(ScoreDoc[] hits) {
        return Arrays.stream(hits).map(h -> new ScoredPaper(Integer.toString(h.doc), h.score)).toList();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-5 * Math.max(a, b);
    }

    /** 400 distinct words, {@code first} and {@code last} around a number in base 36. */
    private static String[] vocabulary(char first, char last) {
        String[] words = new String[400];
        for (int i = 0; i < words.length; i++) {
            words[i] = first + Integer.toString(i, 36) + last;
        }
        return words;
    }

    private static String text(Random random, String[] words, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) { // Zipf-like: a few words everywhere, most of them rare
            b.append(words[(int) (words.length * Math.pow(random.nextDouble(), 3))]).append(' ');
        }
        return b.toString().strip();
    }
}
