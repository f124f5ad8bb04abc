package de.sipa.responsibilities;

/** One edit of the matrix; several edits can be applied as one versioned change (e.g. a review's decision). */
public sealed interface MatrixEdit {

    /** Adds an entry. */
    record Assign(MatrixEntry entry) implements MatrixEdit {
    }

    /** Replaces an entry by a new version (same entry id). */
    record Change(MatrixEntry entry) implements MatrixEdit {
    }

    /** Ends an entry. */
    record Remove(EntryId entry) implements MatrixEdit {
    }
}
