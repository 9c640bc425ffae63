from chwarden.cli import main

main()
