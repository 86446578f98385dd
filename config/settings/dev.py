"""Local development: DEBUG on, console email, an insecure key that never leaves this laptop."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# The demo shows the editor's desk as a newsroom would run it: clinicians sign off changes.
MEDICAL_SIGNOFF_REQUIRED = env_bool("MEDICAL_SIGNOFF_REQUIRED", True)
