print("harbour")
