"""Every domain's tables, imported in one place (for Alembic and a quick overview)."""

from participatie.accounts.models import AuditLog, User, makelaar_wijken  # noqa: F401
from participatie.geo.models import Wijk  # noqa: F401
from participatie.ideas.models import Idea, IdeaEvent, IdeaPhoto, IdeaTheme  # noqa: F401
from participatie.ideas.counters import IdeaCounter  # noqa: F401  (also keeps the figures in step)
from participatie.reactions.models import Reaction  # noqa: F401
from participatie.moderation.models import Report  # noqa: F401
from participatie.supports.models import Support  # noqa: F401
from participatie.notifications.models import Notification, WijkFollow  # noqa: F401
from participatie.ops.jobs import JobLock  # noqa: F401
from participatie.ops.mail.models import OutboxMessage  # noqa: F401
from participatie.responses.models import AnswerFeedback, FollowUp, Reminder, Voorgesprek  # noqa: F401
from participatie.socialmap.models import (  # noqa: F401
    CollectedIdea, EntryEdit, IdeaLink, PaperSupport, SocialMapEntry, Suggestion,
)
from participatie.conversations.models import (  # noqa: F401
    ActionItem, Conversation, ConversationFeedback, ConversationIdea, Rsvp,
)
from participatie.departments.models import (  # noqa: F401
    Department, DepartmentAsk, Escalation, HighImpact, LadderStep,
)
from participatie.storage.models import StoredFile  # noqa: F401
from participatie.regulations.models import Regulation, RegulationBlock  # noqa: F401
from participatie.buurtnetwerk.models import Answer as BuurtAnswer, Choice, Membership, Question  # noqa: F401,E501
from participatie.web.pagecache import SiteGeneration  # noqa: F401,E402  (also raises it on every write)
