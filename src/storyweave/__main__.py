"""python -m storyweave"""

from .cli import main

main()
