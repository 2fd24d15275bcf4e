from baocao.cli import main

# Guarded: worker processes (forkserver) import the main module again.
if __name__ == "__main__":
    main()
