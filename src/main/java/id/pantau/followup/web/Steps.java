package id.pantau.followup.web;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A step a person takes from an alert's or a meeting's page: done, with its notice, or refused with the reason, as
 * flash attributes for the page the step redirects back to.
 */
final class Steps {

	private Steps() {
	}

	/**
	 * @param concluded the message when the alert or meeting is past the step (the guard of its status refused it)
	 */
	static void take(RedirectAttributes redirect, ProblemMessages problems, String notice, String concluded,
			Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("stepErrors", problems.of(invalid));
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("errorKey", "followup.changedMeanwhile");
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("errorKey", concluded);
		}
		catch (AccessDeniedException e) {
			redirect.addFlashAttribute("errorKey", "followup.notAllowed");
		}
	}
}
