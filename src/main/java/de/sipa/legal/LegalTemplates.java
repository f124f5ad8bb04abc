package de.sipa.legal;

import java.text.Collator;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnership;
import de.sipa.reports.ContactRetention;
import de.sipa.responsibilities.MatrixEntry;
import de.sipa.responsibilities.Responsibilities;

/**
 * The texts a partnership starts from (messages {@code legal.template.*}): an Impressum with blanks to fill in, a
 * Datenschutzerklärung that names the configured deletion period of contact data and, as recipients, the
 * organisations that hold a responsibility in the matrix today, and an Erklärung zur Barrierefreiheit that names what
 * SiPa's public pages are known not to offer and leaves the city's own review, contact and enforcement body blank.
 */
@Component
class LegalTemplates {

    private final MessageSource messages;
    private final Responsibilities responsibilities;
    private final Organisations organisations;
    private final ContactRetention retention;

    LegalTemplates(MessageSource messages, Responsibilities responsibilities, Organisations organisations,
            ContactRetention retention) {
        this.messages = messages;
        this.responsibilities = responsibilities;
        this.organisations = organisations;
        this.retention = retention;
    }

    String imprint(Partnership partnership, Locale locale) {
        return messages.getMessage("legal.template.imprint", new Object[] {partnership.name()}, locale);
    }

    String privacy(Partnership partnership, Locale locale) {
        return messages.getMessage("legal.template.privacy", new Object[] {partnership.name(),
                recipients(partnership, locale), String.valueOf(retention.days()),
                messages.getMessage(partnership.federalState().labelKey(), null, locale)}, locale);
    }

    String accessibility(Partnership partnership, Locale locale) {
        return messages.getMessage("legal.template.accessibility", new Object[] {partnership.name(),
                messages.getMessage(partnership.federalState().labelKey(), null, locale)}, locale);
    }

    /** Read as the public would: the matrix and the organisations' names, nothing else. */
    private String recipients(Partnership partnership, Locale locale) {
        var names = CurrentUser.runAs(SipaUser.publicReader(partnership.id()), () -> {
            var byId = organisations.byId();
            return responsibilities.matrix().entries().stream().map(MatrixEntry::organisation).distinct()
                    .map(byId::get).filter(Objects::nonNull).map(Organisation::name)
                    .sorted(Collator.getInstance(locale)).toList();
        });
        return names.isEmpty() ? messages.getMessage("legal.template.recipients.none", null, locale)
                : String.join(", ", names);
    }
}
