package de.sipa.operations;

/** The kinds of entries a deployment plan is made of, each in its own table. */
public enum PlanPart {
    SECTION("operations_plan_section"),
    TASK("operations_plan_task"),
    CONTACT("operations_plan_contact"),
    PHASE("operations_plan_phase");

    final String table;

    PlanPart(String table) {
        this.table = table;
    }
}
