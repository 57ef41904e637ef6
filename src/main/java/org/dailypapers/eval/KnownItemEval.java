package org.dailypapers.eval;

import java.util.List;
import java.util.Locale;
import org.dailypapers.search.Retriever;
import org.dailypapers.search.ScoredPaper;
import org.dailypapers.search.SearchRequest;

/** Scores known-item queries: Success@1 (the paper is first) and MRR@10 (1/rank within ten, else 0). */
public final class KnownItemEval {

    /** The figures of one retriever over one query set; {@code missed} lists the queries not answered first. */
    public record Result(String tag, int queries, int first, double mrr10, double millisPerQuery, List<String> missed) {
        public double successAt1() {
            return queries == 0 ? 0 : (double) first / queries;
        }

        public String summary(String method) {
            return String.format(Locale.ROOT, "method=%s Success@1=%.4f (%d/%d) MRR@10=%.4f", method, successAt1(), first,
                    queries, mrr10);
        }
    }

    private KnownItemEval() {}

    public static Result run(Retriever retriever, List<KnownItemQueries.Query> queries) {
        int first = 0;
        double rr = 0;
        List<String> missed = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        for (KnownItemQueries.Query q : queries) {
            List<ScoredPaper> top = retriever.retrieve(SearchRequest.of(q.text(), 10));
            int rank = 0;
            for (int i = 0; i < top.size(); i++) {
                if (top.get(i).id().equals(q.target())) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank == 1) first++;
            else missed.add(q.kind() + "\t" + q.target() + "\trank=" + (rank == 0 ? ">10" : rank) + "\t" + q.text());
            if (rank > 0) rr += 1.0 / rank;
        }
        double ms = queries.isEmpty() ? 0 : (System.nanoTime() - t0) / 1e6 / queries.size();
        return new Result(retriever.tag(), queries.size(), first, queries.isEmpty() ? 0 : rr / queries.size(), ms, missed);
    }
}
