package de.sipa.reports;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/** The kinds of concern a partnership takes in (Open311: its services). */
@Service
@Transactional
public class Categories {

    private final CategoryRepository categories;
    private final AuditTrail auditTrail;

    Categories(CategoryRepository categories, AuditTrail auditTrail) {
        this.categories = categories;
        this.auditTrail = auditTrail;
    }

    /** The active categories of a partnership, for public intake (no login). */
    @Transactional(readOnly = true)
    public List<Category> offeredBy(PartnershipId partnership) {
        return categories.all(partnership).stream().filter(Category::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Category> offeredBy(PartnershipId partnership, String code) {
        return offeredBy(partnership).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public List<Category> all() {
        return categories.all(CurrentUser.partnership());
    }

    @PreAuthorize(ReportPermissions.READ)
    @Transactional(readOnly = true)
    public Category get(CategoryId id) {
        return categories.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public CategoryId create(Category category) {
        var partnership = CurrentUser.partnership();
        var existing = categories.all(partnership);
        if (existing.stream().anyMatch(c -> c.code().equals(category.code()))) {
            throw new RuleViolationException("category.code.taken", category.code());
        }
        categories.insert(partnership, category, existing.size());
        auditTrail.record(AuditAction.CREATED, "Category", category.id(), "Kategorie " + category.name() + " angelegt");
        return category.id();
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public void update(Category category) {
        var current = get(category.id());
        categories.update(CurrentUser.partnership(), category);
        auditTrail.record(AuditAction.CHANGED, "Category", category.id(), "Kategorie " + current.name() + " geändert");
    }
}
