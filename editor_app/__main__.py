import sys

try:
    from editor_app.launcher import main
except KeyboardInterrupt:  # Ctrl-C while the program was still loading: nothing was done
    sys.exit(130)

sys.exit(main())
