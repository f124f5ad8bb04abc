package de.sipa.reports;

/** The kinds of extra question a category may ask, named as Open311 GeoReport v2 names them. */
public enum AttributeType {
    STRING("string"), NUMBER("number"), DATETIME("datetime"), TEXT("text"), SINGLEVALUELIST("singlevaluelist"),
    MULTIVALUELIST("multivaluelist");

    private final String open311;

    AttributeType(String open311) {
        this.open311 = open311;
    }

    public String open311() {
        return open311;
    }
}
