package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

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
}
