package org.dailypapers.paper;

/** What saving a record did to the store. */
public enum UpsertOutcome {
    NEW,
    UPDATED,
    UNCHANGED
}
