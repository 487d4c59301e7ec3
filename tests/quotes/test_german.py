"""German attributions: the speaker after the verb („…“, sagte X), before the quotation (X sagte: / Dazu sagte
X:), er and sie; and German's capitalised nouns are no names ("sagt ein Mädchen", "so der Bericht")."""

from __future__ import annotations

import pytest

from tests.quotes.stories import quotations_of


@pytest.mark.parametrize(("text", "speaker"), [
    ("„Wir werden die Brücke bis zum Sommer reparieren“, sagte Bürgermeisterin Anna Keller am Montag.",
     "Anna Keller"),
    ("„Die Saison war kurz, aber für den ganzen Verein sehr erfolgreich“, sagte Präsident Okonkwo.", "Okonkwo"),
    ("Dazu sagte Außenministerin Maria Schulz: „Wir stehen fest an der Seite unserer Partner in der Region.“",
     "Maria Schulz"),
    ("Thomas Berger leitet das Institut seit zehn Jahren. „Wir messen die Temperatur des Sees jeden Tag“, sagt er.",
     "Thomas Berger"),
    ("Präsident Okonkwo eröffnete am Montag die Sitzung des Vereins. „Die Saison war für uns alle sehr "
     "erfolgreich“, sagte der Präsident.", "Okonkwo"),
    ("Bürgermeisterin Anna Keller sprach vor dem Stadtrat. „Wir geben die Brücke erst frei, wenn alles geprüft ist“, "
     "sagte Keller.\n\nDer Verkehrsexperte Thomas Berger hält den Zeitplan für knapp. „Vier Monate sind für eine "
     "Brücke dieser Größe sehr wenig Zeit“, sagte er der Zeitung.", "Thomas Berger"),
    ("Jana Novak sprach zuerst. „Ich habe so etwas in meinem ganzen Leben noch nicht gesehen“, sagte Novak weiter.",
     "Novak"),
    # machine translation's comma for the colon, in an attribution that opens the text
    ("Anna Keller sagte, „Wir geben die Brücke erst frei, wenn alles geprüft ist.“", "Anna Keller"),
    ("Anna Keller sagte am Montag: „Wir geben die Brücke erst frei, wenn alles geprüft ist.“", "Anna Keller"),
])
def test_a_german_attribution_names_its_speaker(text, speaker):
    assert [q.speaker for q in quotations_of(text, "de")][-1:] == [speaker]


@pytest.mark.parametrize("text", [
    "„Das Wasser ist so klar wie seit vielen Jahren nicht mehr“, sagt ein Mädchen aus dem Dorf.",
    "„Die Lage in der Region bleibt für alle Beteiligten äußerst angespannt“, so der Bericht.",
    "„Die Lage in der Region bleibt für alle Beteiligten äußerst angespannt“, sagte der Präsident.",
    "Die Zahlen stiegen im Sommer deutlich. „Wir brauchen dringend mehr Personal in den Kliniken“, sagte er.",
])
def test_a_capitalised_noun_is_no_speaker(text):
    assert [q.speaker for q in quotations_of(text, "de")] == [None]

