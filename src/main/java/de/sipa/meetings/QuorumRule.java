package de.sipa.meetings;

/** How many of a body's voting members must attend for it to decide; set per body in its rules of procedure. */
public enum QuorumRule {
    MORE_THAN_HALF(1, 2, true), AT_LEAST_HALF(1, 2, false), AT_LEAST_TWO_THIRDS(2, 3, false),
    AT_LEAST_ONE_THIRD(1, 3, false);

    private final int numerator;
    private final int denominator;
    private final boolean moreThan;

    QuorumRule(int numerator, int denominator, boolean moreThan) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.moreThan = moreThan;
    }

    /** In whole members, without rounding errors: "more than half" of 10 is 6, "at least two thirds" of 10 is 7. */
    public int required(int votingMembers) {
        int share = votingMembers * numerator;
        return moreThan ? share / denominator + 1 : (share + denominator - 1) / denominator;
    }
}
