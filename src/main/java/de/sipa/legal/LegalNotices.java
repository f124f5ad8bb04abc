package de.sipa.legal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;

/**
 * The Impressum, the Datenschutzerklärung and the Erklärung zur Barrierefreiheit of each partnership's public pages.
 * The coordinator writes them; until then, and whenever a text is emptied, the template is shown.
 */
@Service
@Transactional
public class LegalNotices {

    private final LegalNoticeRepository notices;
    private final LegalTemplates templates;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final MessageSource messages;
    private final Clock clock;

    LegalNotices(LegalNoticeRepository notices, LegalTemplates templates, Partnerships partnerships,
            AuditTrail auditTrail, MessageSource messages, Clock clock) {
        this.notices = notices;
        this.templates = templates;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.clock = clock;
    }

    /** The own partnership's texts to edit: what was written, else the template. */
    @PreAuthorize(LegalPermissions.EDIT)
    @Transactional(readOnly = true)
    public LegalNotice forEditing(Locale locale) {
        var partnership = partnerships.mine();
        var written = written(partnership);
        return new LegalNotice(
                written.imprint() != null ? written.imprint() : templates.imprint(partnership, locale),
                written.privacy() != null ? written.privacy() : templates.privacy(partnership, locale),
                written.accessibility() != null ? written.accessibility() : templates.accessibility(partnership, locale),
                written.dpoName(), written.dpoContact());
    }

    /** What the own partnership has written; a {@code null} text still shows the template. */
    @PreAuthorize(LegalPermissions.EDIT)
    @Transactional(readOnly = true)
    public LegalNotice ownTexts() {
        return written(partnerships.mine());
    }

    /**
     * Saves the own partnership's texts. A text left empty, or handed back as the template it was shown as, is
     * not stored: the page keeps showing the template, which follows the deletion period and the matrix.
     */
    @PreAuthorize(LegalPermissions.EDIT)
    public void edit(LegalNotice edited, Locale locale) {
        var partnership = partnerships.mine();
        var before = written(partnership);
        var after = new LegalNotice(
                ownText(edited.imprint(), templates.imprint(partnership, locale)),
                ownText(edited.privacy(), templates.privacy(partnership, locale)),
                ownText(edited.accessibility(), templates.accessibility(partnership, locale)),
                LegalNotice.cleaned(edited.dpoName()), LegalNotice.cleaned(edited.dpoContact()));
        var changed = new ArrayList<String>();
        if (!Objects.equals(before.imprint(), after.imprint())) {
            changed.add(german("legal.imprint.title"));
        }
        if (!Objects.equals(before.privacy(), after.privacy())) {
            changed.add(german("legal.privacy.title"));
        }
        if (!Objects.equals(before.accessibility(), after.accessibility())) {
            changed.add(german("legal.accessibility.title"));
        }
        if (!Objects.equals(before.dpoName(), after.dpoName())
                || !Objects.equals(before.dpoContact(), after.dpoContact())) {
            changed.add(german("legal.dpo"));
        }
        if (changed.isEmpty()) {
            return;
        }
        notices.save(partnership.id(), after, CurrentUser.get().username(), clock.instant());
        auditTrail.record(AuditAction.CHANGED, "Partnership", partnership.id(),
                messages.getMessage("legal.audit.edited", new Object[] {String.join(", ", changed)}, Locale.GERMAN));
    }

    /** The Impressum of the partnership with this slug, for everyone. */
    @Transactional(readOnly = true)
    public Optional<LegalPage> imprint(String slug, Locale locale) {
        return page(slug, LegalNotice::imprint, partnership -> templates.imprint(partnership, locale));
    }

    /** The Datenschutzerklärung of the partnership with this slug, with its data protection officer, for everyone. */
    @Transactional(readOnly = true)
    public Optional<LegalPage> privacy(String slug, Locale locale) {
        return partnerships.bySlug(slug).map(partnership -> {
            var written = written(partnership);
            var template = written.privacy() == null;
            return new LegalPage(partnership,
                    template ? templates.privacy(partnership, locale) : written.privacy(), template,
                    written.dpoName(), written.dpoContact());
        });
    }

    /** The Erklärung zur Barrierefreiheit of the partnership with this slug, for everyone. */
    @Transactional(readOnly = true)
    public Optional<LegalPage> accessibility(String slug, Locale locale) {
        return page(slug, LegalNotice::accessibility, partnership -> templates.accessibility(partnership, locale));
    }

    /** A page that is its text alone: what the partnership wrote, else the template. */
    private Optional<LegalPage> page(String slug, Function<LegalNotice, String> text,
            Function<Partnership, String> template) {
        return partnerships.bySlug(slug).map(partnership -> {
            var written = text.apply(written(partnership));
            return written != null ? new LegalPage(partnership, written, false, null, null)
                    : new LegalPage(partnership, template.apply(partnership), true, null, null);
        });
    }

    private LegalNotice written(Partnership partnership) {
        return notices.find(partnership.id()).orElse(LegalNotice.NOTHING_WRITTEN);
    }

    private static String ownText(String text, String template) {
        var clean = LegalNotice.cleaned(text);
        return clean == null || clean.equals(LegalNotice.cleaned(template)) ? null : clean;
    }

    private String german(String key) {
        return messages.getMessage(key, null, Locale.GERMAN);
    }
}
