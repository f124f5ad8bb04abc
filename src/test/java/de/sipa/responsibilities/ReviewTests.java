package de.sipa.responsibilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.notifications.Notifications;
import de.sipa.notifications.OutboxEntry;
import de.sipa.shared.RuleViolationException;

/** A review round from opening to the approved change in the matrix, and who may do what in it. */
@SipaIntegrationTest
class ReviewTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Responsibilities responsibilities;

    @Autowired
    Reviews reviews;

    @Autowired
    Notifications notifications;

    City city;
    TopicId noise;
    EntryId publicOrderLeads;
    EntryId policeSupports;

    @BeforeEach
    void matrix() {
        city = fixtures.city();
        CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            noise = responsibilities.createTopic(new TopicDetails("Lärm " + city.key(), null, null, true));
            publicOrderLeads = responsibilities.assign(new EntryDetails(noise.value(), null, null,
                    city.publicOrder().value(), Responsibility.LEAD, "10 h/Woche", null, "Start"));
            policeSupports = responsibilities.assign(new EntryDetails(noise.value(), null, null,
                    city.police().value(), Responsibility.SUPPORT, "1 Streife", null, "Start"));
        });
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFullRoundFromOpeningToTheApprovedChangeInTheMatrix() {
        login(city.coordinator());
        var review = reviews.open(new ReviewForm("Aufgabenkritik " + city.key(), LocalDate.now().plusDays(14),
                List.of(noise.value()), List.of()));
        assertThat(reviews.items(review)).hasSize(2);

        login(city.policeUser());
        var policeItem = item(review, city.police().value());
        var publicOrderItem = item(review, city.publicOrder().value());
        assertThatThrownBy(() -> reviews.answer(review, publicOrderItem.id(),
                new AnswerForm(ReviewAnswer.NOT_OURS, null, null, null, "fremd")))
                .isInstanceOf(AccessDeniedException.class);
        reviews.answer(review, policeItem.id(), new AnswerForm(ReviewAnswer.CHANGE_PROPOSED,
                city.police().value(), Responsibility.INFORMED, "", "Nur noch informieren, Streife fehlt"));

        login(city.publicOrderUser());
        reviews.answer(review, publicOrderItem.id(), new AnswerForm(ReviewAnswer.CONFIRMED, null, null, null, null));
        assertThat(reviews.progress(review)).allMatch(ReviewProgress::complete);

        login(city.coordinator());
        reviews.adopt(review, policeItem.id());
        reviews.propose(review, new ProposalForm(noise.value(), city.districts().get(0).value(), null,
                city.police().value(), Responsibility.LEAD, "2 Streifen", "Mitte nachts: Polizei"));
        assertThatThrownBy(() -> reviews.decide(review, reviews.proposals(review).get(0).id(), true, null))
                .isInstanceOf(AccessDeniedException.class);
        reviews.submit(review);
        assertThatThrownBy(() -> reviews.answer(review, policeItem.id(),
                new AnswerForm(ReviewAnswer.CONFIRMED, null, null, null, null)))
                .isInstanceOf(RuleViolationException.class).hasMessage("review.notOpen");
        assertThatThrownBy(() -> reviews.apply(review)).hasMessage("review.apply.undecided");

        login(city.steeringUser());
        var proposals = reviews.proposals(review);
        assertThat(proposals).extracting(Proposal::kind).containsExactly(ProposalKind.CHANGE, ProposalKind.ASSIGN);
        reviews.decide(review, proposals.get(0).id(), true, "Einverstanden");
        reviews.decide(review, proposals.get(1).id(), false, "Erst Personal klären");

        login(city.coordinator());
        var change = reviews.apply(review);

        var matrix = responsibilities.matrix();
        assertThat(matrix.entriesOf(noise)).extracting(MatrixEntry::organisation, MatrixEntry::responsibility)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(city.publicOrder(), Responsibility.LEAD),
                        org.assertj.core.groups.Tuple.tuple(city.police(), Responsibility.INFORMED));
        assertThat(matrix.entry(policeSupports)).isPresent();
        var history = responsibilities.history(PageRequest.of(0, 1)).getContent();
        assertThat(history).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(change);
            assertThat(c.review()).isEqualTo(review.value());
            assertThat(c.reason()).contains("Aufgabenkritik " + city.key());
        });
        assertThat(reviews.get(review).status()).isEqualTo(ReviewStatus.CLOSED);
        assertThat(reviews.get(review).appliedChange()).isEqualTo(change);
    }

    @Test
    void approvedChangesAreNotAppliedOverAnEntryChangedInTheMeantime() {
        login(city.coordinator());
        var review = reviews.open(new ReviewForm("Runde " + city.key(), LocalDate.now().plusDays(7), List.of(), List.of()));
        var policeItem = item(review, city.police().value());
        reviews.answer(review, policeItem.id(), new AnswerForm(ReviewAnswer.NOT_OURS, null, null, null, "keine Leute"));
        reviews.adopt(review, policeItem.id());
        reviews.submit(review);
        login(city.steeringUser());
        reviews.decide(review, reviews.proposals(review).get(0).id(), true, null);

        login(city.coordinator());
        responsibilities.change(policeSupports, new EntryDetails(noise.value(), null, null, city.police().value(),
                Responsibility.LEAD, "3 Streifen", null, "zwischendurch geändert"));
        assertThatThrownBy(() -> reviews.apply(review)).isInstanceOf(RuleViolationException.class)
                .hasMessage("review.apply.conflict");
        assertThat(responsibilities.matrix().entry(policeSupports)).get()
                .extracting(MatrixEntry::responsibility).isEqualTo(Responsibility.LEAD);
    }

    @Test
    void answersThatChangeSomethingNeedAReasonAndAWhoTo() {
        login(city.coordinator());
        var review = reviews.open(new ReviewForm("Runde " + city.key(), LocalDate.now().plusDays(7), List.of(), List.of()));
        login(city.policeUser());
        var item = item(review, city.police().value());
        assertThatThrownBy(() -> reviews.answer(review, item.id(), new AnswerForm(ReviewAnswer.NOT_OURS, null, null, null, " ")))
                .hasMessage("review.answer.reasonRequired");
        assertThatThrownBy(() -> reviews.answer(review, item.id(),
                new AnswerForm(ReviewAnswer.CHANGE_PROPOSED, null, null, null, "Grund")))
                .hasMessage("review.answer.changeIncomplete");
        assertThat(item(review, city.police().value()).answered()).isFalse();
    }

    @Test
    void organisationsWithOpenItemsAreRemindedBeforeTheDeadlineOncePerDay() {
        var today = LocalDate.of(2031, 3, 10);
        login(city.coordinator());
        var review = reviews.open(new ReviewForm("Erinnerung " + city.key(), today.plusDays(2), List.of(noise.value()), List.of()));
        login(city.publicOrderUser());
        reviews.answer(review, item(review, city.publicOrder().value()).id(),
                new AnswerForm(ReviewAnswer.CONFIRMED, null, null, null, null));
        SecurityContextHolder.clearContext();

        assertThat(outbox()).as("invitations when the review opened").extracting(OutboxEntry::recipient)
                .containsExactlyInAnyOrder("polizei-" + city.key() + "@stadt.example",
                        "ordnung-" + city.key() + "@stadt.example");
        reviews.remindBefore(today.minusDays(2));
        assertThat(outbox()).as("four days before the deadline").hasSize(2);

        reviews.remindBefore(today);
        reviews.remindBefore(today);
        var reminders = reminders();
        assertThat(reminders).extracting(OutboxEntry::recipient).containsExactly("polizei-" + city.key() + "@stadt.example");
        assertThat(reminders.get(0).subject()).contains("Erinnerung " + city.key(), "12.03.2031");
        assertThat(reminders.get(0).body()).contains("noch 1 von 1 Einträgen");

        reviews.remindBefore(today.plusDays(1));
        assertThat(reminders()).hasSize(2);
        reviews.remindBefore(today.plusDays(3));
        assertThat(reminders()).hasSize(2);
    }

    @Test
    void reviewsOfAnotherPartnershipCannotBeSeenOrAnswered() {
        login(city.coordinator());
        var review = reviews.open(new ReviewForm("Intern " + city.key(), LocalDate.now().plusDays(7), List.of(), List.of()));
        var item = item(review, city.police().value());
        var other = fixtures.city();
        login(other.coordinator());
        assertThatThrownBy(() -> reviews.get(review)).isInstanceOf(de.sipa.shared.NotFoundException.class);
        assertThatThrownBy(() -> reviews.answer(review, item.id(), new AnswerForm(ReviewAnswer.CONFIRMED, null, null, null, null)))
                .isInstanceOf(de.sipa.shared.NotFoundException.class);
        assertThat(reviews.all()).noneMatch(r -> r.id().equals(review));
    }

    private ReviewItem item(ReviewId review, java.util.UUID organisation) {
        return reviews.items(review).stream().filter(i -> i.organisation().value().equals(organisation)).findFirst()
                .orElseThrow();
    }

    private List<OutboxEntry> outbox() {
        return CurrentUser.runAs(SipaUser.system(city.id()),
                (Supplier<List<OutboxEntry>>) () -> notifications.outbox(PageRequest.of(0, 10)).getContent());
    }

    private List<OutboxEntry> reminders() {
        return outbox().stream().filter(m -> m.subject().startsWith("Erinnerung")).toList();
    }

    private void login(String username) {
        var user = fixtures.user(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
