"""Hand-written sentences for the claims tests: (text, expected (subject, predicate, certainty) set).

People are Petrov, Ivanov, Sidorov (ids petrov/ivanov/sidorov) and Pravda is a periodical."""

def pairs(nlp, text, people, date="1950"):
    """The (subject, predicate) pairs of a written document's claims."""
    from witness.claims import extract_claims
    from witness.claims.gold import make_document
    return {(c.subject, c.predicate) for c in extract_claims(make_document(text, people, date), nlp=nlp)}


PEOPLE = {"Petrov": "petrov", "Ivanov": "ivanov", "Sidorov": "sidorov", "Kalinin": "kalinin",
          "Radek": "radek"}

# predicate coverage, asserted
PREDICATE_CASES = [
    ("Petrov was arrested in May 1936.", {("petrov", "arrested", "asserted")}),
    ("The G.P.U. arrested Petrov and Ivanov.", {("petrov", "arrested", "asserted"), ("ivanov", "arrested", "asserted")}),
    ("Petrov was charged with sabotage.", {("petrov", "charged", "asserted")}),
    ("Petrov was tried in Moscow.", {("petrov", "tried", "asserted")}),
    ("Petrov was sentenced to ten years of hard labour.", {("petrov", "sentenced", "asserted")}),
    ("They shot Petrov.", {("petrov", "executed", "asserted")}),
    ("Petrov has been shot.", {("petrov", "executed", "asserted")}),
    ("The execution of Petrov, Ivanov and Sidorov took place at night.",
     {("petrov", "executed", "asserted"), ("ivanov", "executed", "asserted"), ("sidorov", "executed", "asserted")}),
    ("Petrov was imprisoned in the Butyrki prison.", {("petrov", "imprisoned", "asserted")}),
    ("Petrov was deported to Alma-Ata.", {("petrov", "exiled", "asserted")}),
    ("Petrov was released in 1934.", {("petrov", "released", "asserted")}),
    ("Petrov was expelled from the Party.", {("petrov", "expelled", "asserted")}),
    ("Petrov's expulsion from the Party followed.", {("petrov", "expelled", "asserted")}),
    ("Petrov was rehabilitated in 1956.", {("petrov", "rehabilitated", "asserted")}),
    ("Petrov, head of the G.P.U., signed the order.", {("petrov", "held_office", "asserted"), ("petrov", "signed", "asserted")}),
    ("Petrov, a member of the Central Committee, spoke first.", {("petrov", "member_of", "asserted")}),
    ("Petrov was awarded the Order of Lenin.", {("petrov", "awarded", "asserted")}),
    ("Petrov wrote a pamphlet against the Opposition.", {("petrov", "wrote", "asserted")}),
    ("Petrov met Ivanov in Berlin.", {("petrov", "met", "asserted")}),
    ("Petrov was born in Odessa in 1890.", {("petrov", "born", "asserted")}),
    ("Petrov died in prison.", {("petrov", "died", "asserted"), ("petrov", "imprisoned", "asserted")}),
    ("Petrov disappeared in 1937.", {("petrov", "disappeared", "asserted")}),
    ("Petrov, who was arrested last year, has been shot.", {("petrov", "arrested", "asserted"), ("petrov", "executed", "asserted")}),
    ("Petrov was arrested and shot.", {("petrov", "arrested", "asserted"), ("petrov", "executed", "asserted")}),
    ("Petrov spoke at the congress. He was arrested a week later.", {("petrov", "arrested", "asserted")}),
    ("The trial of Petrov opened on Monday.", {("petrov", "tried", "asserted")}),
    ("President Petrov opened the session.", {("petrov", "held_office", "asserted")}),
    ("Petrov, who is also bound to disappear, knows it.", {("petrov", "disappeared", "predicted")}),
    ("Sidorov, Petrov's secretary, was driven to suicide in 1924.",
     {("sidorov", "held_office", "asserted"), ("sidorov", "died", "asserted")}),
]

# certainty coverage
CERTAINTY_CASES = [
    ("It is rumored that Petrov was shot.", {("petrov", "executed", "rumored")}),
    ("There are rumors that Petrov has been arrested.", {("petrov", "arrested", "rumored")}),
    ("Petrov has reportedly been shot.", {("petrov", "executed", "rumored")}),
    ("It is said that Petrov was arrested.", {("petrov", "arrested", "rumored")}),
    ("Petrov's arrest has now been officially confirmed.", {("petrov", "arrested", "confirmed")}),
    ("Pravda announced that Petrov had been charged.", {("petrov", "charged", "reported")}),
    ("According to Pravda, Petrov was arrested.", {("petrov", "arrested", "reported")}),
    ("Ivanov testified that Petrov had been arrested.", {("petrov", "arrested", "reported")}),
    ("Whether Petrov is still alive or has been shot, nobody knows.", {("petrov", "executed", "uncertain")}),
    ("Nothing is known about whether Petrov has been shot.", {("petrov", "executed", "uncertain")}),
    ("Perhaps Petrov was arrested.", {("petrov", "arrested", "uncertain")}),
    ("Petrov was probably shot.", {("petrov", "executed", "uncertain")}),
    ("It is believed that Petrov was arrested.", {("petrov", "arrested", "uncertain")}),
    ("Contrary to reports, Petrov was not executed.", {("petrov", "executed", "denied")}),
    ("It is false that Petrov was arrested.", {("petrov", "arrested", "denied")}),
    ("It is not true that Petrov was shot.", {("petrov", "executed", "denied")}),
    ("Petrov was spared.", {("petrov", "executed", "denied")}),
    ("Pravda denied that Petrov had been arrested.", {("petrov", "arrested", "denied")}),
    ("He too will be arrested before long, thought Petrov.", set()),
    ("Petrov will be arrested before long.", {("petrov", "arrested", "predicted")}),
    ("Petrov is doomed to be shot.", {("petrov", "executed", "predicted")}),
    ("The execution of Petrov is expected.", {("petrov", "executed", "predicted")}),
    ("Petrov awaits his trial.", {("petrov", "tried", "predicted")}),
    ("Petrov was arrested in May.", {("petrov", "arrested", "asserted")}),
    ("Petrov is to be tried next month.", {("petrov", "tried", "predicted")}),
    ("Petrov was sentenced to be shot.", {("petrov", "sentenced", "asserted"), ("petrov", "executed", "predicted")}),
    ("Petrov now awaits trial in the Butyrki.", {("petrov", "tried", "predicted")}),
    ("Has Petrov been shot?", {("petrov", "executed", "uncertain")}),
    # an appositive title is the author's description: a modal governs the event only …
    ("Petrov, head of the G.P.U., will be shot.",
     {("petrov", "held_office", "asserted"), ("petrov", "executed", "predicted")}),
    # … but inside a rumor the whole passage is the rumor's (the safe side)
    ("It is rumored that Petrov, head of the G.P.U., was shot.",
     {("petrov", "held_office", "rumored"), ("petrov", "executed", "rumored")}),
    ("It is rumored that Petrov has been appointed head of the G.P.U.", {("petrov", "held_office", "rumored")}),
    # a question asks about its clause, not about the titles it names
    ("Why did President Petrov call for war?", {("petrov", "held_office", "asserted")}),
    ("Was Petrov, the chairman of the Party, arrested?",
     {("petrov", "held_office", "asserted"), ("petrov", "arrested", "uncertain")}),
    # a nationality is no body: a profession or a "leader" with only a nationality is no office
    # or membership ("a Russian non-Marxist economist", "the German student leader")
    ("This was the argument of Petrov, a Russian non-Marxist economist.", set()),
    ("This was the attempted assassination by the German student leader Petrov.", set()),
    # (Labour is also his party: the blind gold reads "Colonel Wedgwood, the Labour spokesman" so)
    ("Petrov, the Labour spokesman, spoke.", {("petrov", "held_office", "asserted"), ("petrov", "member_of", "asserted")}),
    # fleeing somewhere that is no country is no exile
    ("Petrov fled during a break to a secondhand bookshop.", set()),
    ("Petrov fled to Mexico in 1937.", {("petrov", "exiled", "asserted")}),
    ("Petrov, to whom all other loopholes of escape were closed, fled to Zurich.", {("petrov", "exiled", "asserted")}),
    # a question inside the quoted words is theirs, not one about the writing
    ("Petrov wrote: ‘Are six million easier to convert than one?’", {("petrov", "wrote", "asserted")}),
    # a relative clause is presupposed: the infinitives it hangs from do not reach it
    ("It crowns an effort to translate and publish everything that Petrov ever wrote.",
     {("petrov", "wrote", "asserted")}),
]

# claims.md, "Frames that are not the event": one case per frame kind (written sentences).
FRAME_CASES = [
    # the absence of a source (held-out dev2, cannon-works-1928-stachelreport: "there is no record
    # that he subsequently joined the CLA" had been asserted; "no proof that" confirmed)
    ("Petrov was expelled, but there is no record that he subsequently joined the CLA.",
     {("petrov", "expelled", "asserted"), ("petrov", "member_of", "uncertain")}),
    ("There is no proof that Petrov joined the party.", {("petrov", "member_of", "uncertain")}),
    ("There is no evidence that Petrov was arrested.", {("petrov", "arrested", "uncertain")}),
    ("We have not found any evidence that Petrov was arrested.", {("petrov", "arrested", "uncertain")}),
    ("Nothing shows that Petrov was shot.", {("petrov", "executed", "uncertain")}),
    ("No document shows that Petrov was shot.", {("petrov", "executed", "uncertain")}),
    ("There is evidence that Petrov was arrested.", {("petrov", "arrested", "reported")}),
    ("The fact that Petrov was arrested shows nothing.", {("petrov", "arrested", "asserted")}),
    # "neither … nor" denies each member, of the people or of the events (it had been asserted);
    # a list of event nouns that is a subject is not what the negation is about
    ("Neither Petrov nor Ivanov was arrested.", {("petrov", "arrested", "denied"), ("ivanov", "arrested", "denied")}),
    ("Petrov was neither arrested nor tried.", {("petrov", "arrested", "denied"), ("petrov", "tried", "denied")}),
    ("Neither Petrov nor Ivanov was a member of the party.",
     {("petrov", "member_of", "denied"), ("ivanov", "member_of", "denied")}),
    ("Neither Petrov's arrest nor his trial surprised anyone.",
     {("petrov", "arrested", "asserted"), ("petrov", "tried", "asserted")}),
    # two names joined by a comma alone are no list (held-out dev2, weisbord-fivesix: the judge
    # had been "tried" with the defendant)
    ("In the trial of Petrov, Judge Ivanov in handing down the five year sentence quoted the following letter.",
     {("petrov", "tried", "asserted")}),
    # the author's quotations and trials in the paragraph do not make the author's own words
    # someone else's: a typist's straight quote inside a name or closing a curly one, and a
    # discussion of a trial that quotes no record (held-out dev2, weisbord-fivesix)
    ("The trial of Mrs. Kate O\"Hare was a farce. Petrov, Ivanov and Sidorov were then arrested.",
     {("petrov", "arrested", "asserted"), ("ivanov", "arrested", "asserted"), ("sidorov", "arrested", "asserted")}),
    ("(See the pamphlet “Freedom of Speech\"). After this it is easy to see why Petrov was arrested.",
     {("petrov", "arrested", "asserted")}),
    # (but testimony nearby keeps a present-tense retelling on the safe side, reported; an
    # edition's "Note:" is no speaker's line)
    ("The testimony of the defendants filled four days. Concerning the juries, Petrov writes that they were packed.",
     {("petrov", "wrote", "reported")}),
    ("Note: the dates are old style. Concerning the juries, Petrov writes that they were packed.",
     {("petrov", "wrote", "asserted")}),
    # a job one is "charged with", a task given to kill, an absence now and then (held-out dev2:
    # rosmer-1955 "Lenin was charged with the theses", "he disappeared frequently"; stachelreport
    # "a team assigned to assassinate Trotsky" had been a predicted death)
    ("Petrov was charged with the theses dealing with the tasks of the International.", set()),
    ("Petrov was charged with the task of organising the congress.", set()),
    ("Petrov was charged with the murder of Kirov.", {("petrov", "charged", "asserted")}),
    ("Petrov was brought back – he disappeared frequently.", set()),
    ("Petrov disappeared in 1937.", {("petrov", "disappeared", "asserted")}),
    ("In 1940 Petrov was rumored to be part of a team assigned to assassinate Ivanov in Mexico.", set()),
    ("Petrov was hired to kill Ivanov.", set()),
    # a past tense with its own object ends a passive list (held-out dev2, weisbord-fivesix)
    ("Through diligent inquiry they located the printing press upon which the leaflets had been printed and "
     "arrested Petrov, Ivanov and Sidorov.",
     {("petrov", "arrested", "asserted"), ("ivanov", "arrested", "asserted"), ("sidorov", "arrested", "asserted")}),
    # not knowing why an event happened still says it happened (held-out dev2, hansen-1938-12-goldigger)
    ("It is too bad we don’t know the real reason for Petrov’s disappearance.", {("petrov", "disappeared", "asserted")}),
    ("We do not know whether Petrov was shot.", {("petrov", "executed", "uncertain")}),
    # negation of the event itself / of something else in the sentence
    ("Petrov was not shot.", {("petrov", "executed", "denied")}),
    ("Petrov, who never recanted, was shot.", {("petrov", "executed", "asserted")}),
    ("Petrov was never arrested.", {("petrov", "arrested", "denied")}),
    # the negation of an adjective whose complement is the event (aulard via shachtma-1932-08)
    ("His enemies were not content with having killed Petrov.", {("petrov", "died", "asserted")}),
    # a place pointed at is what is denied (montefiore-1925-autobiography-12, Rhodes)
    ("Petrov did not die in this room.", {("petrov", "died", "uncertain")}),
    # an event noun that dates something else is presupposed (martov-1921-xx-decomp)
    ("After Petrov's death, Ivanov repudiated these reservations.", {("petrov", "died", "asserted")}),
    # figures of speech: a death that happens again, a political death, a transitive "drowned"
    ("Stalin died for the third time in East Berlin.".replace("Stalin", "Petrov"), set()),
    ("Now we have to kick the political corpse of Petrov into the grave.", set()),
    ("Petrov drowned in blood the workers' revolution in 1918.", set()),
    ("Petrov drowned in the Neva.", {("petrov", "died", "asserted")}),
    # intent, plot, attempt, preparation: no claim of the event
    ("The plot to murder Petrov was discovered in time.", set()),
    ("They planned to arrest Petrov in May.", set()),
    ("Ivanov tried to arrest Petrov.", set()),
    ("The attempted assassination of Petrov failed.", set()),
    ("Ivanov went to Berlin to kill Petrov.", set()),
    ("They are preparing the trial of Petrov.", set()),
    # demand, proposal, campaign: no claim of the event
    ("They pressed for the rehabilitation of Petrov and Ivanov.", set()),
    ("The workers demanded the release of Petrov.", set()),
    ("The congress called for Petrov's expulsion from the Party.", set()),
    ("Ivanov proposed the expulsion of Petrov.", set()),
    # fear, threat, danger: predicted
    ("There was a danger of Petrov's assassination.", {("petrov", "died", "predicted")}),
    ("Petrov's arrest is feared.", {("petrov", "arrested", "predicted")}),
    ("Petrov's arrest is imminent.", {("petrov", "arrested", "predicted")}),
    # condition, counterfactual, question: uncertain
    ("If Petrov was arrested, the Opposition is lost.", {("petrov", "arrested", "uncertain")}),
    ("Had Petrov died in 1923, everything would have been different.", {("petrov", "died", "uncertain")}),
    ("Was Petrov arrested?", {("petrov", "arrested", "uncertain")}),
    ("Petrov would have been shot without the campaign abroad.", {("petrov", "executed", "uncertain")}),
    # a denial inside a counterfactual (Engels on Dühring, shachtma-1943-03-natcolprob)
    ("If Petrov were not dead, he would hang himself.", {("petrov", "died", "uncertain")}),
    # testimony, confession, indictment, prosecution: reported
    ("Ivanov testifies that he met Petrov in 1932.", {("ivanov", "met", "reported")}),
    ("According to the indictment, Petrov met Ivanov in Copenhagen.", {("petrov", "met", "reported")}),
    ("Petrov confessed that he had met Ivanov in Berlin.", {("petrov", "met", "reported")}),
    ("Petrov was accused of having met Ivanov in Berlin.", {("petrov", "charged", "asserted"), ("petrov", "met", "reported")}),
    # hedge
    ("Petrov presumably met Ivanov.", {("petrov", "met", "uncertain")}),
    ("Petrov probably died in the camp.", {("petrov", "died", "uncertain"), ("petrov", "imprisoned", "uncertain")}),
    ("Petrov seems to have been arrested.", {("petrov", "arrested", "uncertain")}),
    # a statement that a person is not dead, not arrested …
    ("A letter came from Petrov saying that he was not dead.", {("petrov", "died", "denied")}),
    ("Petrov is not in prison.", {("petrov", "imprisoned", "denied")}),
    # implicatives: the event happened
    ("Petrov managed to escape, but Ivanov was arrested.", {("ivanov", "arrested", "asserted")}),
    ("Petrov returned to Moscow only to be arrested.", {("petrov", "arrested", "asserted")}),
]

# The inflation kinds issue 10 found on pages nobody tuned on, as the corpus says them.
INFLATION_CASES = [
    # shachtma-1936-xx-trial: a plot postponed is no death
    ("It was decided to postpone the murder of comrade Stalin until the Comintern Congress.",
     {"Stalin": "stalin"}, "stalin", "died"),
    # a demand is not the outcome (Vlady's widow on their 1989 journey)
    ("It was his first time back in 57 years, and we were there to press for the rehabilitation of "
     "Trotsky and Serge in the glory days of glasnost and perestroika.",
     {"Trotsky": "trotsky", "Serge": "serge"}, "trotsky", "rehabilitated"),
    ("It was his first time back in 57 years, and we were there to press for the rehabilitation of "
     "Trotsky and Serge in the glory days of glasnost and perestroika.",
     {"Trotsky": "trotsky", "Serge": "serge"}, "serge", "rehabilitated"),
    # bax-1918-autobiog-ch06: a denial that he was dead
    ("Some years ago one of my sons, returning from a visit to New York, told me that a report was "
     "current in Swiss circles there that Greulich was dead. I immediately wrote to him stating that I "
     "had heard he was dead, but hoped it was not true. A few days later I received a reply from him "
     "that he was not dead, although he had not been very well lately.",
     {"Greulich": "greulich"}, "greulich", "died"),
    # shachtma-1936-xx-trial: a critic retelling a defendant's testimony in the present tense
    ("“Vishinsky: You expressed your agreement?\n\n” Berman-Yurin: Yes.” (1612.)\n\nNothing more "
     "complicated or difficult than that! Trotsky meets an unknown for the first time; argues for "
     "terrorism; answers one single question; walks around nervously for a bit—and Berman-Yurin is his man.",
     {"Trotsky": "trotsky", "Berman-Yurin": "berman-yurin", "Vishinsky": "vyshinsky"}, "trotsky", "met"),
]
