"""`python -m kronika`: the command line, with every command."""

from .cli import main

if __name__ == "__main__":
    main()
