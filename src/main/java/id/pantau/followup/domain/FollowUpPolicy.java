package id.pantau.followup.domain;

import java.util.EnumSet;
import java.util.List;
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
	private static final Set<ActionKind> VILLAGE_ACTIONS = EnumSet.of(ActionKind.FIELD_CHECK, ActionKind.OTHER);
	private static final Set<Outcome> VILLAGE_OUTCOMES = EnumSet.of(Outcome.RESOLVED_COMPLIANT, Outcome.REFERRED,
			Outcome.OTHER);

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

	/**
	 * The actions {@code role} may record on {@code alert}: an alert about a village (silent, a concentration) is
	 * followed up by checking and talking, never by an immigration measure against a person.
	 */
	public static List<ActionKind> actionsFor(Role role, Alert alert) {
		return ActionKind.recordable().stream().filter(kind -> mayRecord(role, kind))
				.filter(kind -> !aboutVillage(alert) || VILLAGE_ACTIONS.contains(kind)).toList();
	}

	/** The outcomes {@code role} may close {@code alert} with; a village's alert has no immigration outcome. */
	public static List<Outcome> outcomesFor(Role role, Alert alert) {
		return Outcome.choosable().stream().filter(outcome -> mayClose(role, outcome))
				.filter(outcome -> !aboutVillage(alert) || VILLAGE_OUTCOMES.contains(outcome)).toList();
	}

	private static boolean aboutVillage(Alert alert) {
		return "VILLAGE".equals(alert.subjectType());
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
