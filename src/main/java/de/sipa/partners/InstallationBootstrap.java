package de.sipa.partners;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.identity.Accounts;
import de.sipa.shared.FederalState;

/**
 * A production installation starts without demo data; its first start creates the first partnership and the
 * administrator, whose password must come from configuration ({@code SIPA_ADMIN_PASSWORD}).
 */
@Component
@Profile("prod")
class InstallationBootstrap implements ApplicationRunner {

    private final Partnerships partnerships;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final String adminPassword;
    private final String partnershipName;
    private final String partnershipSlug;
    private final FederalState partnershipFederalState;

    InstallationBootstrap(Partnerships partnerships, Accounts accounts, TransactionTemplate transaction,
            @Value("${sipa.admin.initial-password:}") String adminPassword,
            @Value("${sipa.admin.partnership-name:Sicherheitspartnerschaft}") String partnershipName,
            @Value("${sipa.admin.partnership-slug:sicherheitspartnerschaft}") String partnershipSlug,
            @Value("${sipa.admin.partnership-federal-state:BW}") FederalState partnershipFederalState) {
        this.partnerships = partnerships;
        this.accounts = accounts;
        this.transaction = transaction;
        this.adminPassword = adminPassword;
        this.partnershipName = partnershipName;
        this.partnershipSlug = partnershipSlug;
        this.partnershipFederalState = partnershipFederalState;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyExists()) {
            return;
        }
        if (adminPassword.length() < 12) {
            throw new IllegalStateException("First start of a production installation: set sipa.admin.initial-password "
                    + "(environment SIPA_ADMIN_INITIAL_PASSWORD) to the administrator's password, at least 12 characters");
        }
        transaction.executeWithoutResult(status -> {
            var partnership = partnerships.found(partnershipSlug, partnershipName, partnershipFederalState,
                    List.of());
            accounts.openFirstAdministrator(partnership, "admin", adminPassword);
        });
    }
}
