package de.sipa.responsibilities;

import java.io.OutputStream;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * Who does what between police and city: topics, the versioned matrix, its findings, and the lookup other
 * modules route by.
 */
@Service
@Transactional
public class Responsibilities {

    private final MatrixRepository repository;
    private final MatrixLookup lookup;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    Responsibilities(MatrixRepository repository, MatrixLookup lookup, Partnerships partnerships,
            Organisations organisations, AuditTrail auditTrail, ApplicationEventPublisher events,
            MessageSource messages, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.auditTrail = auditTrail;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Who leads the topic in the district at that moment, answered from memory. A {@code null} or unknown
     * district counts city-wide entries only. Without exactly one lead the concern goes to the coordinator.
     */
    @Transactional(readOnly = true)
    public Leadership whoLeads(TopicId topic, DistrictId district, Instant at) {
        return lookup.whoLeads(topic, district, at);
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<Topic> topics() {
        return repository.topics(CurrentUser.partnership());
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public Topic topic(TopicId id) {
        return repository.topic(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Topic", id));
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public TopicId createTopic(TopicDetails details) {
        var partnership = CurrentUser.partnership();
        var id = TopicId.random();
        if (repository.topicNameTaken(partnership, details.name(), id)) {
            throw new RuleViolationException("topic.name.taken", details.name());
        }
        repository.insertTopic(partnership, id, details);
        recordChange(partnership, "Aufgabe „" + details.name().strip() + "“ angelegt", null);
        auditTrail.record(AuditAction.CREATED, "Topic", id, "Aufgabe " + details.name() + " angelegt");
        return id;
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void updateTopic(TopicId id, TopicDetails details) {
        var current = topic(id);
        var partnership = CurrentUser.partnership();
        if (repository.topicNameTaken(partnership, details.name(), id)) {
            throw new RuleViolationException("topic.name.taken", details.name());
        }
        repository.updateTopic(partnership, id, details);
        var what = current.active() && !details.active() ? " stillgelegt"
                : !current.active() && details.active() ? " wieder aufgenommen" : " geändert";
        recordChange(partnership, "Aufgabe „" + current.name() + "“" + what, null);
        auditTrail.record(AuditAction.CHANGED, "Topic", id, "Aufgabe " + current.name() + what);
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<TimeWindow> timeWindows() {
        return repository.timeWindows(CurrentUser.partnership());
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public TimeWindowId createTimeWindow(TimeWindowDetails details) {
        var partnership = CurrentUser.partnership();
        if (details.startsAt().equals(details.endsAt())) {
            throw new RuleViolationException("timeWindow.empty");
        }
        if (timeWindows().stream().anyMatch(w -> w.name().equalsIgnoreCase(details.name().strip()))) {
            throw new RuleViolationException("timeWindow.name.taken", details.name());
        }
        var window = new TimeWindow(TimeWindowId.random(), details.name().strip(), details.startsAt(), details.endsAt());
        repository.insertTimeWindow(partnership, window);
        recordChange(partnership, "Zeitfenster „" + window.name() + "“ angelegt", null);
        auditTrail.record(AuditAction.CREATED, "TimeWindow", window.id(), "Zeitfenster " + window.name() + " angelegt");
        return window.id();
    }

    /** The matrix as it is now. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public Matrix matrix() {
        return lookup.index(CurrentUser.partnership()).matrix();
    }

    /** The matrix as it was at the instant, exactly: topics and windows as today, entries as then. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public Matrix matrixAsOf(Instant asOf) {
        var partnership = CurrentUser.partnership();
        return new Matrix(asOf, repository.topics(partnership), partnerships.districts(),
                repository.timeWindows(partnership), repository.entries(partnership, asOf));
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<Finding> findings() {
        var inactive = organisations.all().stream().filter(o -> !o.active()).map(Organisation::id)
                .collect(Collectors.toSet());
        return MatrixFindings.of(lookup.index(CurrentUser.partnership()), inactive);
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public EntryId assign(EntryDetails details) {
        var entry = checked(EntryId.random(), details);
        apply(List.of(new MatrixEdit.Assign(entry)), details.reason(), null);
        return entry.id();
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void change(EntryId id, EntryDetails details) {
        currentEntry(id);
        apply(List.of(new MatrixEdit.Change(checked(id, details))), details.reason(), null);
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public void remove(EntryId id, String reason) {
        currentEntry(id);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("matrix.reason.required");
        }
        apply(List.of(new MatrixEdit.Remove(id)), reason, null);
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public MatrixEntry currentEntry(EntryId id) {
        return repository.currentEntry(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Entry", id));
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public Page<MatrixChange> history(Pageable pageable) {
        var partnership = CurrentUser.partnership();
        return new PageImpl<>(repository.changes(partnership, pageable.getPageSize(), pageable.getOffset()), pageable,
                repository.changeCount(partnership));
    }

    /** What a change did: the entry versions it ended and those it started. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public ChangeDetails changeDetails(long change) {
        var partnership = CurrentUser.partnership();
        return new ChangeDetails(repository.endedBy(partnership, change), repository.startedBy(partnership, change));
    }

    /**
     * Notes that an organisation said a topic in a district is not its task, so that the next review takes it up.
     * Called by SiPa's own work (e.g. a report handed back) in the user's partnership.
     */
    public void flagForReview(ReviewFlag flag) {
        repository.insertFlag(CurrentUser.partnership(), flag);
    }

    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional(readOnly = true)
    public List<ReviewFlag> flags() {
        return repository.flags(CurrentUser.partnership());
    }

    /** Writes the current matrix as CSV (the import format). */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional
    public void exportCsv(Writer out) {
        int count = MatrixDocuments.writeCsv(matrix(), organisations.all(), out);
        auditTrail.record(AuditAction.EXPORTED, "ResponsibilityMatrix", null,
                "Zuständigkeitsmatrix als CSV exportiert (" + count + " Einträge)");
    }

    /** Writes the current matrix as a printable A3 landscape grid. */
    @PreAuthorize(ResponsibilityPermissions.READ)
    @Transactional
    public void exportPdf(OutputStream out) {
        MatrixDocuments.writePdf(matrix(), organisations.all(), partnerships.letterhead(), clock.getZone(), out);
        auditTrail.record(AuditAction.EXPORTED, "ResponsibilityMatrix", null, "Zuständigkeitsmatrix als PDF exportiert");
    }

    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    @Transactional(readOnly = true)
    public MatrixImportPreview previewImport(byte[] file) {
        return MatrixCsvImport.read(file, matrix(), organisations.all(), this::message).preview();
    }

    /** Adds the good rows of the file in one versioned change; returns how many entries were added. */
    @PreAuthorize(ResponsibilityPermissions.MANAGE)
    public int confirmImport(byte[] file, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("matrix.reason.required");
        }
        var parsed = MatrixCsvImport.read(file, matrix(), organisations.all(), this::message);
        if (!parsed.preview().importable()) {
            return 0;
        }
        apply(parsed.entries().stream().<MatrixEdit>map(MatrixEdit.Assign::new).toList(),
                reason.strip() + " (Import aus CSV: " + parsed.entries().size() + " Einträge)", null);
        return parsed.entries().size();
    }

    private String message(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** The versions a change ended and started; an entry in both was changed, otherwise added or removed. */
    public record ChangeDetails(List<MatrixEntry> ended, List<MatrixEntry> started) {
    }

    /**
     * Applies edits as one versioned step, e.g. all approved changes of a review. Entries must already be
     * checked against the partnership.
     */
    long apply(List<MatrixEdit> edits, String reason, UUID review) {
        var partnership = CurrentUser.partnership();
        var at = clock.instant();
        var change = repository.insertChange(partnership, at, CurrentUser.get().username(), reason.strip(), review);
        // Conflicting entries are allowed (and found as overlaps); the very same entry twice is not.
        Map<EntryId, List<Object>> assignments = new HashMap<>();
        repository.entries(partnership, null).forEach(e -> assignments.put(e.id(), e.assignment()));
        var taken = new HashSet<>(assignments.values());
        for (var edit : edits) {
            if (edit instanceof MatrixEdit.Remove remove) {
                taken.remove(assignments.remove(remove.entry()));
                repository.endEntry(partnership, remove.entry(), at, change);
                continue;
            }
            var entry = edit instanceof MatrixEdit.Assign assign ? assign.entry() : ((MatrixEdit.Change) edit).entry();
            if (edit instanceof MatrixEdit.Change) {
                taken.remove(assignments.remove(entry.id()));
                repository.endEntry(partnership, entry.id(), at, change);
            }
            if (!taken.add(entry.assignment())) {
                throw new RuleViolationException("entry.duplicate");
            }
            assignments.put(entry.id(), entry.assignment());
            repository.startEntry(partnership, entry, at, change);
        }
        auditTrail.record(AuditAction.CHANGED, "ResponsibilityMatrix", change,
                "Zuständigkeitsmatrix geändert (" + edits.size() + " Einträge): " + reason.strip());
        events.publishEvent(new MatrixChanged(partnership, change));
        return change;
    }

    private void recordChange(PartnershipId partnership, String reason, UUID review) {
        var change = repository.insertChange(partnership, clock.instant(), CurrentUser.get().username(), reason, review);
        events.publishEvent(new MatrixChanged(partnership, change));
    }

    /** Refuses an organisation that is not the partnership's own. */
    void requireOrganisation(OrganisationId organisation) {
        if (organisations.all().stream().noneMatch(o -> o.id().equals(organisation))) {
            throw new RuleViolationException("entry.organisation.unknown");
        }
    }

    /** Builds an entry from form input, refusing ids that are not the partnership's own. */
    MatrixEntry checked(EntryId id, EntryDetails details) {
        var partnership = CurrentUser.partnership();
        var topic = repository.topic(partnership, new TopicId(details.topicId()))
                .orElseThrow(() -> new RuleViolationException("entry.topic.unknown"));
        var district = details.districtId() == null ? null : new DistrictId(details.districtId());
        if (district != null && partnerships.districts().stream().noneMatch(d -> d.id().equals(district))) {
            throw new RuleViolationException("entry.district.unknown");
        }
        var window = details.timeWindowId() == null ? null : new TimeWindowId(details.timeWindowId());
        if (window != null && repository.timeWindows(partnership).stream().noneMatch(w -> w.id().equals(window))) {
            throw new RuleViolationException("entry.timeWindow.unknown");
        }
        var organisation = new OrganisationId(details.organisationId());
        requireOrganisation(organisation);
        return new MatrixEntry(id, topic.id(), district, window, organisation, details.responsibility(),
                Resource.parseAll(details.resources()), details.note());
    }
}
