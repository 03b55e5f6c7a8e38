package id.pantau.followup.domain;

import java.util.EnumSet;
import java.util.Set;

import id.pantau.identity.Agency;
import id.pantau.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with alerts and meetings. Immigration owns immigration's powers (administrative action,
 * regularisation, and the outcomes that state them); Kesbangpol coordinates (assigns, closes, dismisses, prepares
 * meetings); TIMPORA members acknowledge, record field checks and summonses, and their own agency's view; BPMPD reads.
 */
public final class FollowUpPolicy {

	private static final Set<Role> READERS = EnumSet.of(Role.KESBANGPOL, Role.IMIGRASI, Role.TIMPORA, Role.BPMPD);
	private static final Set<Role> COORDINATORS = EnumSet.of(Role.KESBANGPOL, Role.IMIGRASI);
	private static final Set<Role> MEMBERS = EnumSet.of(Role.KESBANGPOL, Role.IMIGRASI, Role.TIMPORA);

	private FollowUpPolicy() {
	}

	public static boolean mayRead(Role role) {
		return READERS.contains(role);
	}

	public static boolean mayAssign(Role role) {
		return COORDINATORS.contains(role);
	}

	public static boolean mayAcknowledge(Role role) {
		return MEMBERS.contains(role);
	}

	public static boolean mayRecord(Role role, ActionKind kind) {
		if (!kind.isRecordable()) {
			return false;
		}
		if (kind.isImmigrationAction()) {
			return role == Role.IMIGRASI;
		}
		if (kind == ActionKind.HUMANITARIAN_REFERRAL) {
			return COORDINATORS.contains(role);
		}
		return MEMBERS.contains(role);
	}

	public static boolean mayClose(Role role, Outcome outcome) {
		if (outcome == Outcome.RESOLVED_BY_FACTS) {
			return false;
		}
		return outcome.isImmigrationOutcome() ? role == Role.IMIGRASI : COORDINATORS.contains(role);
	}

	public static boolean mayDismiss(Role role) {
		return COORDINATORS.contains(role);
	}

	public static boolean mayReadMeetings(Role role) {
		return MEMBERS.contains(role);
	}

	public static boolean mayManageMeetings(Role role) {
		return COORDINATORS.contains(role);
	}

	/** The secretaries write down every agency's view; a TIMPORA member only its own agency's. */
	public static boolean mayRecordView(Role role, Agency own, Agency of) {
		return COORDINATORS.contains(role) || (role == Role.TIMPORA && own != null && own == of);
	}

	static void require(boolean allowed) {
		if (!allowed) {
			throw new AccessDeniedException("not allowed for this role");
		}
	}
}
