"""Hand-written sentences for the claims tests: (text, expected (subject, predicate, certainty) set).

People are Petrov, Ivanov, Sidorov (ids petrov/ivanov/sidorov) and Pravda is a periodical."""

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
]
