package org.dailypapers.search;

/** Field names of the Lucene index; part of its on-disk format. */
final class IndexFields {
    static final String ID = "id";
    static final String VERSION = "version";
    /** Title, abstract and keywords as separate values of one field: Anserini's "flat" contents. */
    static final String CONTENTS = "contents";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String AUTHORS = "authors";
    static final String KEYWORDS = "keywords";
    static final String CATEGORY = "category";
    static final String CATEGORY_STORED = "category_stored";
    static final String ORG = "org";
    static final String DAY = "day";
    static final String HAS_CODE = "has_code";
    static final String VECTOR = "vector";
    static final String HAS_VECTOR = "has_vector";

    private IndexFields() {}
}
