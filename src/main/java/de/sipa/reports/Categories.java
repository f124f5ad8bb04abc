package de.sipa.reports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Topic;
import de.sipa.responsibilities.TopicId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The kinds of concern a partnership takes in (Open311: its services). The coordination creates and changes them
 * and retires those no longer wanted: a retired category stays with the reports made in it, but is offered
 * nowhere (forms, Open311) and takes no new reports.
 */
@Service
@Transactional
public class Categories {

    private final CategoryRepository categories;
    private final Responsibilities responsibilities;
    private final CategorySuggestions suggestions;
    private final AuditTrail auditTrail;
    private final MessageSource messages;

    Categories(CategoryRepository categories, Responsibilities responsibilities, CategorySuggestions suggestions,
            AuditTrail auditTrail, MessageSource messages) {
        this.categories = categories;
        this.responsibilities = responsibilities;
        this.suggestions = suggestions;
        this.auditTrail = auditTrail;
        this.messages = messages;
    }

    /** The active categories of a partnership, for public intake (no login). */
    @Transactional(readOnly = true)
    public List<Category> offeredBy(PartnershipId partnership) {
        return categories.allCached(partnership).stream().filter(Category::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Category> offeredBy(PartnershipId partnership, String code) {
        return offeredBy(partnership).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Whether the partnership had a category of that code that is retired now. */
    @Transactional(readOnly = true)
    public boolean retired(PartnershipId partnership, String code) {
        return categories.allCached(partnership).stream().anyMatch(c -> !c.active() && c.code().equals(code));
    }

    /** All categories, retired ones too: for names of reports and filters. */
    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<Category> all() {
        return categories.all(CurrentUser.partnership());
    }

    /** The categories as the coordination and the steering group review them. */
    @PreAuthorize(ReportPermissions.READ_CATEGORIES)
    @Transactional(readOnly = true)
    public List<Category> catalogue() {
        return categories.all(CurrentUser.partnership());
    }

    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Category get(CategoryId id) {
        return categories.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    /** The topics of the matrix a category may route by, for whoever sets up categories. */
    @PreAuthorize(ReportPermissions.COORDINATE)
    @Transactional(readOnly = true)
    public List<Topic> topicsToRouteBy() {
        return responsibilities.topics();
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public CategoryId create(Category category) {
        var partnership = CurrentUser.partnership();
        var created = checked(normalised(category), partnership);
        var existing = categories.all(partnership);
        categories.insert(partnership, created, existing.size());
        audit(AuditAction.CREATED, created, "category.audit.created");
        suggestions.forget(partnership);
        return created.id();
    }

    /** Changes everything but whether it is offered ({@link #retire}, {@link #offerAgain}). */
    @PreAuthorize(ReportPermissions.COORDINATE)
    public void update(Category category) {
        var partnership = CurrentUser.partnership();
        var current = get(category.id());
        var changed = checked(normalised(category), partnership);
        changed = current.active() ? changed.offeredAgain() : changed.retired();
        categories.update(partnership, changed);
        audit(AuditAction.CHANGED, changed, "category.audit.changed");
        suggestions.forget(partnership);
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public void retire(CategoryId id) {
        var current = get(id);
        if (!current.active()) {
            throw new RuleViolationException("category.retired.already", current.name());
        }
        categories.update(CurrentUser.partnership(), current.retired());
        audit(AuditAction.CHANGED, current, "category.audit.retired");
        suggestions.forget(CurrentUser.partnership());
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public void offerAgain(CategoryId id) {
        var current = get(id);
        if (current.active()) {
            throw new RuleViolationException("category.offered.already", current.name());
        }
        categories.update(CurrentUser.partnership(), current.offeredAgain());
        audit(AuditAction.CHANGED, current, "category.audit.offeredAgain");
        suggestions.forget(CurrentUser.partnership());
    }

    private Category checked(Category category, PartnershipId partnership) {
        var problems = CategoryRules.check(category, topicIds());
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems.get(0).key(), problems.get(0).arguments());
        }
        if (categories.all(partnership).stream()
                .anyMatch(c -> c.code().equals(category.code()) && !c.id().equals(category.id()))) {
            throw new RuleViolationException("category.code.taken", category.code());
        }
        return category;
    }

    private Set<TopicId> topicIds() {
        return responsibilities.topics().stream().map(Topic::id).collect(Collectors.toSet());
    }

    private void audit(AuditAction action, Category category, String key) {
        auditTrail.record(action, "Category", category.id(),
                messages.getMessage(key, new Object[] {category.name(), category.code()}, Locale.GERMANY));
    }

    /** Text stripped, empty optional text as none, list values in order. */
    static Category normalised(Category category) {
        var attributes = category.attributes().stream().map(a -> new CategoryAttribute(strip(a.code()), a.type(),
                a.required(), strip(a.description()), a.choices().stream()
                        .map(c -> new CategoryAttribute.Choice(strip(c.key()), strip(c.name()))).toList()))
                .toList();
        return new Category(category.id(), strip(category.code()), strip(category.name()),
                strip(category.description()), category.topic(), category.serviceLevelDays(), category.moderated(),
                strip(category.keywords()), category.active(), attributes, category.descriptionRequired());
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
