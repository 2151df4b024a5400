from mtcheck.cli import main

main()
