package de.sipa.prevention;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the project form sends. Dates and amounts come as typed, so that nothing is lost when the form comes back with
 * its errors; the funding as two parallel lists (source, amount), one line each.
 */
record ProjectForm(String title, UUID leadId, List<UUID> partnerIds, PreventionField field,
        List<TargetGroup> targetGroups, String summary, List<UUID> districtIds, List<UUID> placeIds, String startsOn,
        String endsOn, List<String> fundingSource, List<String> fundingAmount, ProjectStatus status,
        String contactPerson, String programme, String programmeUrl, String registry, EvidenceLevel evidenceLevel) {

    /** Lines of the funding table the form offers beyond those filled. */
    static final int EMPTY_FUNDING_LINES = 2;

    ProjectForm {
        partnerIds = partnerIds == null ? List.of() : partnerIds;
        targetGroups = targetGroups == null ? List.of() : targetGroups;
        districtIds = districtIds == null ? List.of() : districtIds;
        placeIds = placeIds == null ? List.of() : placeIds;
        fundingSource = fundingSource == null ? List.of() : fundingSource;
        fundingAmount = fundingAmount == null ? List.of() : fundingAmount;
    }

    static ProjectForm empty() {
        return new ProjectForm("", null, List.of(), null, List.of(), "", List.of(), List.of(), "", "",
                List.of("", ""), List.of("", ""), ProjectStatus.IDEA, "", "", "", "Grüne Liste Prävention",
                EvidenceLevel.NONE);
    }

    static ProjectForm of(PreventionProject p) {
        var sources = new ArrayList<String>();
        var amounts = new ArrayList<String>();
        for (var f : p.funding()) {
            sources.add(f.source());
            amounts.add(Amounts.format(f.amount()));
        }
        return new ProjectForm(p.title(), p.lead() == null ? null : p.lead().value(),
                p.partners().stream().map(o -> o.value()).toList(), p.field(), List.copyOf(p.targetGroups()),
                p.summary(), p.districts().stream().map(d -> d.value()).toList(),
                p.places().stream().map(pl -> pl.value()).toList(),
                p.startsOn() == null ? "" : p.startsOn().toString(), p.endsOn() == null ? "" : p.endsOn().toString(),
                sources, amounts, p.status(), p.contactPerson(), p.evidence().programme(), p.evidence().url(),
                p.evidence().registry(), p.evidence().level());
    }

    /** The funding lines as typed plus empty ones to fill, for the form's table. */
    public List<Integer> fundingLines() {
        int filled = Math.max(fundingSource.size(), fundingAmount.size());
        var lines = new ArrayList<Integer>();
        for (int i = 0; i < filled + EMPTY_FUNDING_LINES; i++) {
            lines.add(i);
        }
        return lines;
    }

    public String source(int line) {
        return line < fundingSource.size() ? fundingSource.get(line) : "";
    }

    public String amount(int line) {
        return line < fundingAmount.size() ? fundingAmount.get(line) : "";
    }

    /** Whether a line has anything typed in it. */
    public boolean used(int line) {
        return !source(line).isBlank() || !amount(line).isBlank();
    }

    BigDecimal parsedAmount(int line) {
        return Amounts.parse(amount(line));
    }
}
