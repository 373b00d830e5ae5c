import TownhallCLI
TownhallCommand.main()
