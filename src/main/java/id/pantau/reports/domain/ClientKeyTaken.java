package id.pantau.reports.domain;

/**
 * A new report posted with a client key that another user's report already carries: refused, so that a key (guessed,
 * copied or a client's bug) never answers with someone else's report.
 */
public class ClientKeyTaken extends RuntimeException {

	public ClientKeyTaken() {
		super("the client key belongs to another user's report");
	}
}
