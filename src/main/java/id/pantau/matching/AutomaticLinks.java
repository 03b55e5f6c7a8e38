package id.pantau.matching;

import java.util.Optional;

/** Which facts rest on a link the linker made by itself, so that what they cause can name it and be undone with it. */
public interface AutomaticLinks {

	/** The match case of the crossing's link to its person, when the linker made it and nobody has decided on it. */
	Optional<Long> caseOfCrossing(long crossingId);
}
