package org.dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.index.StoredFields;
import org.junit.jupiter.api.Test;

/** {@link PaperIndex#optimize}: one segment, papers that share words side by side, scores unchanged. */
class ReorderedMergeTest {

    /** Two topics, alternating paper by paper; each topic's words are in 5,000 papers (the reorderer looks at 4,096+). */
    private static final int PAPERS = 10_000;

    private static SearchDocument paper(int i) {
        String topic = i % 2 == 0 ? "galaxy stellar cosmology redshift" : "protein folding enzyme kinetics";
        return new SearchDocument(String.format("2401.%05d", i), "On " + topic + " " + word(i),
                "We study " + topic + " with new observations.", List.of("A. Author"), List.of(), List.of("cs.LG"),
                null, null, false);
    }

    private static List<SearchDocument> papers() {
        List<SearchDocument> all = new ArrayList<>();
        for (int i = 0; i < PAPERS; i++) {
            all.add(paper(i));
        }
        return all;
    }

    /** A word of letters only, unique to paper i. */
    private static String word(int i) {
        StringBuilder b = new StringBuilder("zq");
        for (int n = i; n > 0 || b.length() == 2; n /= 26) {
            b.append((char) ('a' + n % 26));
        }
        return b.toString();
    }

    @Test
    void optimize_merges_into_one_segment_with_papers_sharing_words_side_by_side_and_the_same_scores() throws Exception {
        try (PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32)) {
            List<SearchDocument> all = papers();
            index.upsertAll(all.subList(0, PAPERS / 2), noVectors(PAPERS / 2));
            index.commit();
            index.upsertAll(all.subList(PAPERS / 2, PAPERS), noVectors(PAPERS / 2));
            index.commit();
            assertThat(index.segmentCount()).isEqualTo(2);
            assertThat(topicChanges(index)).isEqualTo(PAPERS - 1);
            Bm25Retriever bm25 = new Bm25Retriever(index, Bm25Params.DEFAULT);
            SearchRequest known = SearchRequest.of("enzyme kinetics " + word(4321), 3);
            List<ScoredPaper> before = bm25.retrieve(known);

            index.optimize();

            assertThat(index.segmentCount()).isEqualTo(1);
            assertThat(index.count()).isEqualTo(PAPERS);
            assertThat(index.reorderedPapers()).isEqualTo(PAPERS);
            assertThat(topicChanges(index)).as("papers of one topic now sit together").isLessThan(20);
            List<ScoredPaper> after = bm25.retrieve(known);
            assertThat(after.get(0).id()).isEqualTo("2401.04321");
            assertThat(after.get(0).score()).isEqualTo(before.get(0).score());
            assertThat(bm25.count(SearchRequest.of("galaxy", 10))).isEqualTo(PAPERS / 2);
        }
    }

    private static List<float[]> noVectors(int n) {
        return java.util.Collections.nCopies(n, null);
    }

    @Test
    void optimize_reorders_an_index_that_is_one_segment_already() throws Exception {
        try (PaperIndex index = PaperIndex.inMemory(VectorStorage.FLOAT32)) {
            List<SearchDocument> all = papers();
            index.upsertAll(all, noVectors(PAPERS));
            index.commit();
            assertThat(index.segmentCount()).isEqualTo(1);
            assertThat(index.reorderedPapers()).isZero();

            index.optimize();

            assertThat(index.segmentCount()).isEqualTo(1);
            assertThat(index.reorderedPapers()).isEqualTo(PAPERS);
            assertThat(topicChanges(index)).isLessThan(20);
            index.optimize(); // nothing left to do: it returns
            assertThat(index.count()).isEqualTo(PAPERS);
        }
    }

    @Test
    void a_forced_merge_without_memory_for_the_reordering_ends_unreordered_and_does_not_loop() throws Exception {
        IndexWriterConfig config = new IndexWriterConfig(PaperAnalyzer.create())
                .setMergePolicy(PaperIndex.reorderingMergePolicy(0.01)); // far below 8 bytes x 10,000 papers
        try (Directory dir = new ByteBuffersDirectory(); IndexWriter w = new IndexWriter(dir, config)) {
            for (SearchDocument p : papers()) {
                w.addDocument(DocumentMapper.toLucene(p, null));
            }
            w.commit();
            for (int round = 0; round < 2; round++) { // one segment, never reordered: rewritten once, then left
                w.forceMerge(1);
                w.commit();
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    assertThat(r.leaves()).hasSize(1);
                    assertThat(r.numDocs()).isEqualTo(PAPERS);
                    SegmentReader only = (SegmentReader) r.leaves().get(0).reader();
                    assertThat(only.getSegmentInfo().info.getDiagnostics().get("bp.reordered")).isNotEqualTo("true");
                }
            }
        }
    }

    @Test
    void optimize_rebuilds_the_vector_graph_on_several_workers_and_every_paper_is_its_own_nearest() throws Exception {
        int n = 3_000; // two segments of 1,500 vectors: graphs, not the flat search of tiny segments
        java.util.Random random = new java.util.Random(16);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vectors.add(UnitVectors.random(random, 384));
        }
        for (VectorStorage storage : VectorStorage.values()) {
            try (PaperIndex index = PaperIndex.inMemory(storage)) {
                List<SearchDocument> all = papers().subList(0, n);
                index.upsertAll(all.subList(0, n / 2), vectors.subList(0, n / 2));
                index.commit();
                index.upsertAll(all.subList(n / 2, n), vectors.subList(n / 2, n));
                index.commit();

                index.optimize();

                assertThat(index.segmentCount()).isEqualTo(1);
                int found = 0;
                for (int i = 0; i < n; i += 7) {
                    float[] v = vectors.get(i);
                    List<ScoredPaper> nearest = index.withSearcher(s -> ResultIds.of(s.getIndexReader(),
                            s.search(new org.apache.lucene.search.KnnFloatVectorQuery(IndexFields.VECTOR, v, 10), 1)));
                    found += nearest.get(0).id().equals(all.get(i).id()) ? 1 : 0;
                }
                assertThat(found).as(storage + ": papers found first by their own vector").isGreaterThanOrEqualTo((n + 6) / 7 * 98 / 100);
            }
        }
    }

    /** How often the topic changes from one paper to the next, in the index's own order. */
    private static int topicChanges(PaperIndex index) {
        return index.withSearcher(s -> {
            int changes = 0;
            Boolean last = null;
            for (LeafReaderContext c : s.getIndexReader().leaves()) {
                StoredFields stored = c.reader().storedFields();
                for (int doc = 0; doc < c.reader().maxDoc(); doc++) {
                    String id = stored.document(doc).get(IndexFields.ID);
                    boolean even = Integer.parseInt(id.substring(5)) % 2 == 0;
                    if (last != null && last != even) {
                        changes++;
                    }
                    last = even;
                }
            }
            return changes;
        });
    }
}
