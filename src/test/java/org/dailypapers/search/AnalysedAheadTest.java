package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.junit.jupiter.api.Test;

/**
 * A large batch is analysed on a second thread ahead of the writer ({@link PaperIndex#upsertAll}); the index it
 * makes must be the one that analysing as the writer adds makes: same statistics, same scores, same order.
 */
class AnalysedAheadTest {

    private static final String[] WORDS = ("the model's transformers of a language diffusion graph neural networks "
            + "learning to rank retrieval-augmented generation GPT-4o 3D Gaussian splatting zero-shot vision "
            + "Schrödinger naïve Bayes in and or not to be e-mail U.S.A. 2024 x86_64 it's").split(" ");
    private static final String[] NAMES = {"Wei Wang", "José Álvarez", "Geoffrey Hinton", "Yann LeCun", "Fei-Fei Li",
            "O'Neil Smith", "Ng"};

    @Test
    void a_batch_analysed_ahead_indexes_exactly_as_one_analysed_while_adding() {
        List<SearchDocument> docs = documents(PaperIndex.ANALYSE_AHEAD_MIN * 2 + 37);
        List<float[]> noVectors = Collections.nCopies(docs.size(), null);
        try (PaperIndex plain = PaperIndex.inMemory(VectorStorage.FLOAT32);
                PaperIndex ahead = PaperIndex.inMemory(VectorStorage.FLOAT32)) {
            docs.forEach(d -> plain.upsert(d, null));
            ahead.upsertAll(docs, noVectors);
            plain.commit();
            ahead.commit();

            for (String field : List.of(IndexFields.CONTENTS, IndexFields.TITLE, IndexFields.AUTHORS, IndexFields.KEYWORDS)) {
                assertThat(stats(ahead, field)).as(field).isEqualTo(stats(plain, field)).isNotEqualTo(List.of(0L, 0L, 0L));
            }
            SearchPipeline bm25 = SearchPipeline.named("bm25", null);
            SearchEngine a = new SearchEngine(ahead, null, bm25);
            SearchEngine p = new SearchEngine(plain, null, bm25);
            for (String q : List.of("model", "\"neural networks\"", "\"language diffusion\"", "author:\"Wei Wang\"",
                    "author:Hinton", "gaussian splatting 3d", "\"be e-mail\"", "schrödinger", "naive bayes", "usa 2024",
                    "\"transformers of a language\"", "\"language to be\"")) {
                List<ScoredPaper> expected = p.retrieve(SearchRequest.of(q, 50));
                assertThat(a.retrieve(SearchRequest.of(q, 50))).as(q).isEqualTo(expected);
                assertThat(expected).as(q).isNotEmpty();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_failure_in_a_batch_is_thrown_to_the_caller_and_the_index_stays_usable() {
        List<SearchDocument> docs = documents(PaperIndex.ANALYSE_AHEAD_MIN + 10);
        List<float[]> vectors = new ArrayList<>(Collections.nCopies(docs.size(), null));
        vectors.set(PaperIndex.ANALYSE_AHEAD_CHUNK + 3, new float[] {1f, 0f}); // then a 384-d one: dimensions differ
        vectors.set(PaperIndex.ANALYSE_AHEAD_CHUNK + 4, new float[384]);
        try (PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.upsertAll(docs, vectors))
                    .isInstanceOf(IllegalArgumentException.class);
            index.upsert(docs.get(0), null);
            index.commit();
            assertThat(index.document(docs.get(0).id())).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Long> stats(PaperIndex index, String field) {
        return index.withSearcher(s -> {
            Terms terms = MultiTerms.getTerms(s.getIndexReader(), field);
            return terms == null ? List.of(0L, 0L, 0L)
                    : List.of(terms.getSumTotalTermFreq(), terms.getSumDocFreq(), (long) terms.getDocCount());
        });
    }

    private static List<SearchDocument> documents(int n) {
        Random random = new Random(16);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> authors = new ArrayList<>();
            for (int a = 0; a < 1 + random.nextInt(4); a++) {
                authors.add(NAMES[random.nextInt(NAMES.length)]);
            }
            List<String> keywords = random.nextBoolean() ? List.of(words(random, 2)) : List.of();
            docs.add(new SearchDocument(String.format("2401.%05d", i), words(random, 3 + random.nextInt(8)),
                    i % 50 == 0 ? "" : words(random, 20 + random.nextInt(60)) + (i % 7 == 0 ? " transformers of a language to be" : ""), authors, keywords, List.of("cs.CL"),
                    null, LocalDate.of(2024, 1, 1).plusDays(i % 30), false));
        }
        return docs;
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }
}
