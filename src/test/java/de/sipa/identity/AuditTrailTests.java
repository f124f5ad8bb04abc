package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;

@SipaIntegrationTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @FlywayDataSource
    DataSource ownerDatabase;

    @Test
    void createChangeDeleteAndExportAreRecordedWithWhoAndWhat() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var name = "Quartiersverein " + city.key();

        var location = mvc.perform(post("/organisations").with(coordinator).with(csrf())
                        .param("name", name).param("kind", "CIVIL_SOCIETY").param("active", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location).with(coordinator).with(csrf())
                        .param("name", name).param("kind", "CIVIL_SOCIETY").param("phone", "0123 99")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/delete").with(coordinator).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/directory.csv").with(coordinator)).andExpect(status().isOk());

        var entries = CurrentUser.runAs(SipaUser.system(city.id()),
                () -> auditTrail.entries(null, PageRequest.of(0, 50)).getContent());
        var subjectId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(entries).filteredOn(e -> subjectId.equals(e.subjectId()))
                .extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.DELETED, city.coordinator()),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGED, city.coordinator()),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.CREATED, city.coordinator()));
        assertThat(entries).filteredOn(e -> subjectId.equals(e.subjectId()) && e.action() == AuditAction.CHANGED)
                .singleElement().extracting(AuditEntry::summary).asString().contains("phone – → 0123 99");
        assertThat(entries).anyMatch(e -> e.action() == AuditAction.EXPORTED && e.actor().equals(city.coordinator()));
    }

    @Test
    void theAuditTrailIsScopedToThePartnership() throws Exception {
        var a = fixtures.city();
        var b = fixtures.city();
        var pageOfB = mvc.perform(get("/audit").with(user(fixtures.user(b.coordinator())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(pageOfB).contains("Polizei-" + b.key()).doesNotContain("Polizei-" + a.key());
    }

    @Test
    void entriesCanNeitherBeChangedNorDeleted() {
        var city = fixtures.city();
        assertThatThrownBy(() -> jdbc.sql("UPDATE identity_audit_entry SET summary = 'geschönt' WHERE partnership_id = ?")
                .param(city.id().value()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM identity_audit_entry WHERE partnership_id = ?")
                .param(city.id().value()).update()).hasMessageContaining("append-only");
    }

    @Test
    void concurrentWritersExtendOneUnbrokenChain() throws Exception {
        var city = fixtures.city();
        var before = check(city).entries();
        var pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            int n = i;
            pool.submit(() -> auditTrail.record(city.id(), AuditAction.CHANGED, "Organisation", n, "Eintrag " + n));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        var chain = check(city);
        assertThat(chain.intact()).as("breaks: %s", chain.breaks()).isTrue();
        assertThat(chain.entries()).isEqualTo(before + 40);
        assertThat(chain.headHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void anEntryChangedOrRemovedBehindTheAppsBackBreaksTheChainThere() throws Exception {
        var changed = fixtures.city();
        var removed = fixtures.city();
        for (var city : java.util.List.of(changed, removed)) {
            for (int i = 1; i <= 3; i++) {
                auditTrail.record(city.id(), AuditAction.CHANGED, "Organisation", i, "Eintrag " + i);
            }
        }
        var positionChanged = position(changed, "Eintrag 2");
        var positionRemoved = position(removed, "Eintrag 2");
        // What someone with the database's superuser could do: switch the append-only triggers off.
        behindTheAppsBack("UPDATE identity_audit_entry SET summary = 'geschönt' WHERE partnership_id = ? "
                + "AND chain_position = ?", changed, positionChanged);
        behindTheAppsBack("DELETE FROM identity_audit_entry WHERE partnership_id = ? AND chain_position = ?",
                removed, positionRemoved);

        assertThat(check(changed).breaks()).extracting(AuditTrail.ChainCheck.Break::position,
                AuditTrail.ChainCheck.Break::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(positionChanged, "content changed"));
        assertThat(check(removed).breaks()).extracting(AuditTrail.ChainCheck.Break::position,
                AuditTrail.ChainCheck.Break::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(positionRemoved + 1, "entry missing before this one"));
        var page = mvc.perform(get("/audit/chain").with(user(fixtures.user(changed.coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("an 1 Stelle(n) unterbrochen").contains("Inhalt nachträglich verändert");
        var intact = mvc.perform(get("/audit/chain").with(user(fixtures.user(fixtures.city().coordinator()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(intact).contains("Die Kette ist intakt");
    }

    @Test
    void onlyTheCoordinationAndTheAdministrationCheckTheChain() throws Exception {
        var city = fixtures.city();
        mvc.perform(get("/audit/chain").with(user(fixtures.user(city.policeUser())))).andExpect(status().isForbidden());
    }

    private AuditTrail.ChainCheck check(Fixtures.City city) {
        return CurrentUser.runAs(SipaUser.system(city.id()), () -> auditTrail.checkChain());
    }

    private long position(Fixtures.City city, String summary) {
        return jdbc.sql("SELECT chain_position FROM identity_audit_entry WHERE partnership_id = ? AND summary = ?")
                .params(city.id().value(), summary).query(Long.class).single();
    }

    /** As someone with the database's owner rights, who can switch its triggers off; the app's role cannot. */
    private void behindTheAppsBack(String sql, Fixtures.City city, long position) {
        var owner = JdbcClient.create(ownerDatabase);
        new TransactionTemplate(new DataSourceTransactionManager(ownerDatabase)).executeWithoutResult(tx -> {
            owner.sql("SET LOCAL session_replication_role = replica").update();
            owner.sql(sql).params(city.id().value(), position).update();
        });
    }
}
