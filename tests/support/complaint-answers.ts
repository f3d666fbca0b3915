// One complete complaint: a parent, about children's social care, wanting an email reply. The benchmark and
// the scale test both send it, each with its own story and contact details where they need to tell them apart.
import type { JourneyAnswers } from "../../app/journeys/session-data";

export function parentComplaint({
  story = "The social worker did not come to the meeting.",
  name = "Bench Parent",
  email = "bench@example.org",
}: { story?: string; name?: string; email?: string } = {}): JourneyAnswers {
  return {
    service: { service: "childrens-social-care" },
    "who-are-you": { role: "parent" },
    "about-who": { about: "me" },
    "what-happened": { "what-happened": story },
    when: { "when-day": "", "when-month": "10", "when-year": "2026", "still-happening": [] },
    "put-right": { "put-right": "" },
    "complained-before": { before: "no" },
    advocate: { advocate: "no" },
    "reply-format": { format: "standard", "other-help": "" },
    "your-name": { "full-name": name },
    contact: { method: "email", email },
    "safe-contact": { "safe-times": "", "leave-message": "yes", "say-council": "yes" },
  };
}
