import sys

from editor_app.cli import main

sys.exit(main())
