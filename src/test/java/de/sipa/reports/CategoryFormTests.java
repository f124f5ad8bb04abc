package de.sipa.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import de.sipa.responsibilities.TopicId;

/** Reading the category form and the rules a category must keep. */
class CategoryFormTests {

    private static final CategoryForm.Question NUMBER = new CategoryForm.Question("anzahl", "NUMBER", true,
            "Anzahl Personen", "");
    private static final CategoryForm.Question CHOICE = new CategoryForm.Question("art", "SINGLEVALUELIST", false,
            "Was?", "konsum = Konsum\n\n Spritzen gefunden \nÜbergriff auf Passanten");

    @Test
    void listValuesAreKeyAndNameOrANameWhoseKeyIsMadeFromIt() {
        var category = form(List.of(CHOICE)).toCategory(CategoryId.random());
        assertThat(category.attributes().get(0).choices()).containsExactly(
                new CategoryAttribute.Choice("konsum", "Konsum"),
                new CategoryAttribute.Choice("spritzen-gefunden", "Spritzen gefunden"),
                new CategoryAttribute.Choice("uebergriff-auf-passanten", "Übergriff auf Passanten"));
        assertThat(CategoryRules.check(category, Set.of())).isEmpty();
    }

    @Test
    void rowButtonsAddMoveAndRemoveQuestions() {
        var form = form(List.of(NUMBER, CHOICE));
        assertThat(form.withRows("up-1").attributes()).containsExactly(CHOICE, NUMBER);
        assertThat(form.withRows("up-0").attributes()).containsExactly(NUMBER, CHOICE);
        assertThat(form.withRows("down-0").attributes()).containsExactly(CHOICE, NUMBER);
        assertThat(form.withRows("down-1").attributes()).containsExactly(NUMBER, CHOICE);
        assertThat(form.withRows("remove-0").attributes()).containsExactly(CHOICE);
        assertThat(form.withRows("remove-7").attributes()).containsExactly(NUMBER, CHOICE);
        assertThat(form.withRows("add").attributes()).hasSize(3).last()
                .extracting(CategoryForm.Question::type).isEqualTo("STRING");
        assertThat(form.withRows("drop table").attributes()).containsExactly(NUMBER, CHOICE);
    }

    @Test
    void whatCannotBeReadIsRefusedByTheRulesAtItsField() {
        var form = new CategoryForm("ok", "Name", null, "kein-thema", "zwei", false, false, null,
                List.of(new CategoryForm.Question("x", "ERFUNDEN", false, "Frage", "")));
        assertThat(CategoryRules.check(form.toCategory(CategoryId.random()), Set.of(TopicId.random())))
                .extracting(CategoryRules.Problem::field, CategoryRules.Problem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("topicId", "category.topic.unknown"),
                        org.assertj.core.groups.Tuple.tuple("serviceLevelDays", "category.serviceLevelDays.range"),
                        org.assertj.core.groups.Tuple.tuple("attributes[0].type", "category.attribute.type.required"));
    }

    @Test
    void codesAreSlugsThatAnOpen311ClientCanSendBack() {
        for (var good : List.of("laerm", "001", "pothole_repair", "drogen-handel")) {
            assertThat(CategoryRules.CODE.matcher(good).matches()).as(good).isTrue();
        }
        for (var bad : List.of("Lärm", "a b", "-x", "x-", "a]", "a,b", "", "a--b")) {
            assertThat(CategoryRules.CODE.matcher(bad).matches()).as(bad).isFalse();
        }
    }

    private static CategoryForm form(List<CategoryForm.Question> questions) {
        return new CategoryForm("drogen", "Drogen", null, "", "2", false, false, null, questions);
    }
}
