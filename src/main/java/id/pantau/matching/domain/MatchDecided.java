package id.pantau.matching.domain;

/** People decided on a match case (or undid a decision): decisions feed the next estimate of the model. */
record MatchDecided(long caseId) {
}
