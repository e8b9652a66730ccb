"""Qingyang 清样: python main.py [PROJECT] (no project: the demo project from seeds/)."""

import sys

from editor_app.qt.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
